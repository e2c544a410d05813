// Keyboard shortcuts of the explorer page: Escape clears the selection.
// Dash has no key events, so the listener presses the details panel's own "Clear selection"
// button: the selection keeps its one writer (explorer/callbacks/selection.py).
document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) {
        return;  // a dropdown that closed its menu on this Escape has used it
    }
    var clear = document.getElementById("clear-selection");
    if (clear) {
        clear.click();
    }
});
