// Presentation mode in the browser: keys f (start), n / p (step), Escape (leave) press the
// page's own buttons (explorer/layout.py present_controls; ignored while typing in a field),
// and show(state) puts the graph full viewport, centres the current item at a zoom where its
// label reads large, highlights it, and on leaving restores the zoom and pan it found.
(function () {
    "use strict";
    var KEYS = {f: "present-start", n: "present-next", p: "present-prev", Escape: "present-stop"};

    document.addEventListener("keydown", function (event) {
        var target = event.target;
        if (event.ctrlKey || event.metaKey || event.altKey || !KEYS[event.key]) { return; }
        if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
            return;
        }
        var presenting = document.body.classList.contains("dce-presenting");
        if (event.key === "f" && presenting) { return; }
        if (event.key !== "f" && !presenting) { return; }  // Escape keeps clearing the selection
        var button = document.getElementById(KEYS[event.key]);
        if (button) { button.click(); }
    });

    function cyOnPage() {
        var holder = Array.prototype.slice.call(document.querySelectorAll(".dce-canvas div"))
            .find(function (el) { return el._cyreg; });
        return holder ? holder._cyreg.cy : null;
    }

    function legibleZoom(cy) {
        var box = cy.container() && cy.container().closest(".dce-canvas");
        return Number((box && box.dataset.legibleZoom) || 1);
    }

    window.dce_present = {
        show: function (state) {
            var cy = cyOnPage();
            var on = Boolean(state && state.on);
            document.body.classList.toggle("dce-presenting", on);
            if (!cy) { return on ? "dce-present-caption on" : "dce-present-caption"; }
            cy.resize();
            cy.nodes(".dce-present").removeClass("dce-present");
            if (!cy.scratch("dce-present-style")) {
                cy.style().selector(".dce-present").style({
                    "border-width": 6, "border-color": "#f59f00", "font-size": 16,
                    "font-weight": "bold", "z-index": 999}).update();
                cy.scratch("dce-present-style", true);
            }
            if (!on) {
                var saved = cy.scratch("dce-present-saved");
                if (saved) { cy.viewport(saved); cy.scratch("dce-present-saved", null); }
                return "dce-present-caption";
            }
            if (!cy.scratch("dce-present-saved")) {
                cy.scratch("dce-present-saved", {zoom: cy.zoom(), pan: Object.assign({}, cy.pan())});
            }
            var item = (state.items || [])[state.index];
            var node = item ? cy.getElementById(item.element) : null;
            if (node && node.nonempty()) {
                node.addClass("dce-present");
                cy.zoom(Math.min(cy.maxZoom(), legibleZoom(cy) * 1.6));
                cy.center(node);
            }
            return "dce-present-caption on";
        }
    };
})();
