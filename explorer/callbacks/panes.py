"""The side panels collapse and open in the browser: a class on the page's body says which."""

from __future__ import annotations

import json

from dash import Dash, Input, Output, State

from explorer import ids

#: Which class each toggle flips on the page's body (explorer.css reads them).
TOGGLED = {ids.TOGGLE_CONTROLS: "controls-toggled", ids.TOGGLE_PANELS: "panels-toggled"}

#: Flip the class of the toggle that fired; the other panel stays as it is. Pure presentation,
#: so it costs no request.
FLIP = """
function(controls, panels, classes) {
    const toggled = %s;
    const fired = (dash_clientside.callback_context.triggered || [])
        .map((t) => t.prop_id.split(".")[0]).filter((id) => id in toggled);
    const now = new Set((classes || "").split(" ").filter(Boolean));
    for (const id of fired) {
        const flag = toggled[id];
        if (now.has(flag)) { now.delete(flag); } else { now.add(flag); }
    }
    return [...now].join(" ");
}
"""


def register(app: Dash) -> None:
    """The two toggle buttons (controls left, findings and details right)."""
    app.clientside_callback(
        FLIP % json.dumps(TOGGLED),
        Output(ids.PAGE_BODY, "className"),
        Input(ids.TOGGLE_CONTROLS, "n_clicks"),
        Input(ids.TOGGLE_PANELS, "n_clicks"),
        State(ids.PAGE_BODY, "className"),
        prevent_initial_call=True,
    )
