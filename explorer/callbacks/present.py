"""Presentation mode: its state (on, which item) from the button and keys, and its caption."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, html
from dash.exceptions import PreventUpdate

from explorer import ids
from explorer.projects import ProjectStore
from explorer.view.present import finding_items, stepped

def next_state(trigger: str | None, state: dict, items: list[dict], net: int) -> dict:
    """The presentation after ``trigger``: the start button opens it at the first item,
    stop closes it. The index comes from the next/prev buttons' click counts (``net``: next
    minus prev clicks), not from the stored index: keys pressed faster than the server
    answers send requests that all read the same stored state, so n n p would land on the
    last item instead of the second.

    >>> on = next_state(ids.PRESENT_START, {}, [{}] * 3, 5)
    >>> next_state(ids.PRESENT_NEXT, on, [], 7)["index"], next_state(ids.PRESENT_PREV, on, [], 4)["index"]
    (2, 2)
    >>> next_state(ids.PRESENT_NEXT, {"on": False, "index": 0, "items": []}, [{}], 1)["on"]
    False
    """
    if trigger == ids.PRESENT_START:
        return {"on": True, "index": 0, "items": items, "base": net}
    if trigger == ids.PRESENT_STOP or not state.get("on"):
        return {**state, "on": False}
    return {**state, "index": stepped(0, len(state["items"]), net - state.get("base", 0))}


def caption(state: dict) -> list:
    """The current item as the caption under the graph: rule, message, fix, position."""
    items = state.get("items") or []
    if not state.get("on"):
        return []
    if not items:
        return [html.Strong("No findings to present."), " Escape leaves."]
    item = items[state["index"]]
    return [html.Div([html.Strong(item["title"], className="me-2"),
                      html.Span(f"{state['index'] + 1} / {len(items)} · n next, p back, "
                                "Escape leaves", className="text-muted small")]),
            html.Div(item["message"], className="present-message"),
            html.Div(f"Fix: {item['fix']}", className="present-fix") if item["fix"] else None]


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(
        Output(ids.PRESENT_STATE, "data"),
        Output(ids.PRESENT_CAPTION, "children"),
        Input(ids.PRESENT_START, "n_clicks"),
        Input(ids.PRESENT_NEXT, "n_clicks"),
        Input(ids.PRESENT_PREV, "n_clicks"),
        Input(ids.PRESENT_STOP, "n_clicks"),
        State(ids.PRESENT_STATE, "data"),
        State(ids.PROJECT_SELECT, "value"),
        prevent_initial_call=True,
    )
    def present(*args: object) -> tuple[dict, list]:
        state, project = args[4] or {}, args[5]
        items: list[dict] = []
        if ctx.triggered_id == ids.PRESENT_START:
            services = store.services(project)
            if services is None:
                raise PreventUpdate
            items = [item.to_dict() for item in finding_items(services.findings)]
        net = (args[1] or 0) - (args[2] or 0)  # next clicks minus prev clicks
        state = next_state(ctx.triggered_id, state, items, net)
        return state, caption(state)

    app.clientside_callback(
        "function(state) { return window.dce_present.show(state); }",
        Output(ids.PRESENT_CAPTION, "className"),
        Input(ids.PRESENT_STATE, "data"),
        prevent_initial_call=True,
    )
