"""The graph's viewport, moved in the browser (only the browser knows where nodes are)."""

from __future__ import annotations

from dash import Dash, Input

from explorer import ids

#: The cytoscape instance behind the graph component (cytoscape keeps it on its container).
FIND_CY = """
    const root = document.getElementById("%s");
    const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
    const cy = holder && holder._cyreg.cy;
""" % ids.GRAPH

#: Centre the graph on the selected nodes (and their neighbours), after any re-layout.
CENTRE_ON_SELECTION = """
function(selection, elements) {
    if (!selection || !selection.elements || !selection.elements.length) { return; }
    setTimeout(() => {%s
        if (!cy) { return; }
        const wanted = cy.collection(selection.elements.map((id) => cy.getElementById(id)));
        if (wanted.nonempty()) {
            cy.fit(wanted.union(wanted.descendants()).closedNeighborhood(), 60);
            if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(wanted); }
        }
    }, 300);
}
""" % FIND_CY


def register(app: Dash) -> None:
    """A clientside callback without Outputs: it moves the viewport only."""
    app.clientside_callback(
        CENTRE_ON_SELECTION,
        Input(ids.SELECTION, "data"),
        Input(ids.GRAPH, "elements"),
        prevent_initial_call=True,
    )
