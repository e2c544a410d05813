"""The graph's viewport, moved in the browser (only the browser knows where nodes are)."""

from __future__ import annotations

from dash import Dash, Input

from explorer import ids
from explorer.view.stylesheet import LEGIBLE_ZOOM

#: The cytoscape instance behind the graph component (cytoscape keeps it on its container).
FIND_CY = """
    const root = document.getElementById("%s");
    const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
    const cy = holder && holder._cyreg.cy;
""" % ids.GRAPH

#: Closest zoom a framing goes to (a lone node is not blown up to fill the canvas).
CLOSEST_FRAME = 1.2
#: Room left around what is framed (CSS px).
FRAME_PADDING = 40

#: How the viewport frames what was asked for, always at a legible zoom. Everything drawn is
#: framed when it fits legibly; otherwise the most severe findings' neighbourhood (or the
#: busiest node's). A selection frames itself and its neighbours; a selection that is no
#: longer drawn (a cluster just expanded) frames the nodes that replaced it. Runs after each
#: layout (cytoscape's "layoutstop") and when the selection changes, reading the wanted
#: elements from the instance's scratch data; "Fit everything" is the one way to zoom out
#: further.
FRAMING = """
    const LEGIBLE = %(legible)s, CLOSEST = %(closest)s, PAD = %(pad)s;
    const frame = (cy, target, anchor) => {
        cy.fit(target, PAD);
        if (cy.zoom() > CLOSEST) { cy.zoom(CLOSEST); cy.center(target); }
        if (cy.zoom() < LEGIBLE) { cy.zoom(LEGIBLE); cy.center(anchor || target); }
    };
    const around = (nodes) => nodes.union(nodes.descendants()).closedNeighborhood()
        .union(nodes.ancestors());
    const mostRelevant = (cy) => {
        for (const severity of ["error", "warning", "info"]) {
            const found = cy.nodes("." + severity).filter((n) => n.isChildless());
            if (found.nonempty()) { return found.max((n) => n.degree()).ele; }
        }
        return cy.nodes().filter((n) => n.isChildless()).max((n) => n.degree()).ele;
    };
    const frameWanted = (cy) => {
        const all = cy.elements();
        if (all.empty()) { return; }
        const ids = cy.scratch("dce-wanted") || [];
        const wanted = cy.collection(ids.map((id) => cy.getElementById(id)))
            .filter((e) => e.nonempty());
        const added = cy.collection((cy.scratch("dce-added") || [])
            .map((id) => cy.getElementById(id))).filter((e) => e.nonempty());
        if (wanted.nonempty()) { frame(cy, around(wanted), wanted); return; }
        if (ids.length && added.nonempty()) { frame(cy, added, added); return; }
        cy.fit(all, PAD);
        if (cy.zoom() > CLOSEST) { cy.zoom(CLOSEST); cy.center(all); }
        if (cy.zoom() < LEGIBLE) {
            const anchor = mostRelevant(cy);
            frame(cy, around(anchor), anchor);
        }
    };
    const onLayout = (cy) => {
        // the container may have changed size since cytoscape last measured it (the page's
        // stylesheet arriving, a panel toggled): measure again before framing in it
        cy.resize();
        // what a new drawing added: a cluster that was asked for is replaced by its members
        const seen = new Set(cy.scratch("dce-seen") || []);
        const now = cy.nodes().map((n) => n.id());
        const added = now.filter((id) => !seen.has(id));
        cy.scratch("dce-seen", now);
        cy.scratch("dce-added", added.length < now.length ? added : []);
        frameWanted(cy);
    };
""" % {"legible": LEGIBLE_ZOOM * 1.01, "closest": CLOSEST_FRAME, "pad": FRAME_PADDING}

#: Keep the wanted elements on the instance, frame them after every layout, and now.
FRAME_ON_CHANGE = """
function(selection, elements) {%s
    const wanted = (selection && selection.elements) || [];
    const fromSelection = (dash_clientside.callback_context.triggered || [])
        .some((t) => t.prop_id.startsWith("%s."));
    const attempt = (left) => {%s
        if (!cy) { if (left > 0) { setTimeout(() => attempt(left - 1), 100); } return; }
        cy.scratch("dce-wanted", wanted);
        if (!cy.scratch("dce-framing")) {
            cy.scratch("dce-framing", true);
            // not dash-cytoscape's responsive mode (it refits): only re-measure, so the
            // drawing always fills its container (late stylesheet, panels, window) at the
            // zoom the user has
            if (window.ResizeObserver) {
                new ResizeObserver(() => cy.resize()).observe(cy.container());
            }
            cy.on("layoutstop", () => onLayout(cy));
            onLayout(cy);  // the first drawing may have ended before this listener existed
        } else if (fromSelection && wanted.length) {
            frameWanted(cy);
        }
    };
    attempt(50);
}
""" % (FRAMING, ids.SELECTION, FIND_CY)

#: "Fit everything": the whole graph on screen, however small its labels get.
FIT_EVERYTHING = """
function(clicks) {%s
    if (cy) { cy.fit(cy.elements(), 20); }
}
""" % FIND_CY


def register(app: Dash) -> None:
    """Clientside callbacks without Outputs: they move the viewport only."""
    app.clientside_callback(
        FRAME_ON_CHANGE,
        Input(ids.SELECTION, "data"),
        Input(ids.GRAPH, "elements"),  # the page is served with the first drawing: frame it
    )
    app.clientside_callback(
        FIT_EVERYTHING,
        Input(ids.FIT_ALL, "n_clicks"),
        prevent_initial_call=True,
    )
