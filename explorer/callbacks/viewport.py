"""The graph's viewport, moved in the browser (only the browser knows where nodes are)."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input

from explorer import ids

#: assets/viewport.js: the framing itself, which also starts before the graph's first frame.
NAMESPACE = "dce_viewport"


def register(app: Dash) -> None:
    """Clientside callbacks without Outputs: they move the viewport only."""
    app.clientside_callback(
        ClientsideFunction(NAMESPACE, "frame_on_change"),
        Input(ids.SELECTION, "data"),
        # a graph remounted or served without a drawing is framed once it has an instance
        Input(ids.GRAPH, "elements"),
    )
    app.clientside_callback(
        ClientsideFunction(NAMESPACE, "fit_everything"),
        Input(ids.FIT_ALL, "n_clicks"),
        prevent_initial_call=True,
    )
