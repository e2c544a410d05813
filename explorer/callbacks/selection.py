"""What is selected (one writer for every way of selecting) and the focus depth sync."""

from __future__ import annotations

import math

from dash import ALL, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from analysis.graph import callback_node
from explorer import ids
from explorer.projects import ProjectStore
from explorer.services import SnapshotServices
from explorer.view.nodes import element_id
from explorer.view.filters import MAX_DEPTH


def selection_of(keys: list[str], finding: int | None = None) -> dict:
    """The selection store's data for some node keys."""
    return {"nodes": keys, "elements": [element_id(k) for k in keys], "finding": finding}


def next_selection(
    trigger: str | dict | None, url_fired: bool, clicked: bool, tapped: dict | None,
    url_view: dict | None, query: str | None, current: dict | None,
    services: SnapshotServices | None,
) -> dict | None:
    """The selection after ``trigger`` fired (None: it stays as it is).

    Until the selection is first written (its data still lacks "elements"), any call
    that is not a user's action restores the link's selection: Dash drops a pending
    response when the same callback fires again, and buttons appearing in the layout
    (search results, findings) fire it while the restoring request is in flight.
    """
    user_action = trigger in (ids.GRAPH, ids.SEARCH_INPUT) or (
        isinstance(trigger, dict) and clicked) or (trigger == ids.CLEAR_SELECTION and clicked)
    never_written = "elements" not in (current or {})
    if url_fired or (never_written and not user_action):
        view = url_view or {}
        return selection_of(list(view.get("selected") or ()), view.get("finding"))
    if trigger == ids.PROJECT_SELECT:
        nodes = (current or {}).get("nodes") or []
        if services is not None and nodes and all(services.knows(n) for n in nodes):
            return None  # the same project again (or one that has these nodes)
        return selection_of([])
    if trigger == ids.GRAPH:
        return selection_of([tapped["key"]]) if tapped and tapped.get("key") else None
    if trigger == ids.SEARCH_INPUT:
        hits = services.search((query or "").strip()) if services else ()
        return selection_of([hits[0].key]) if hits else None
    if not clicked:
        return None  # buttons just rendered (n_clicks None or 0), not clicked
    if trigger == ids.CLEAR_SELECTION:
        return selection_of([])
    if not isinstance(trigger, dict):
        return None  # every other way of selecting is a button with a pattern id
    if trigger["type"] == ids.FINDING_ITEM:
        index = trigger["index"]
        if services is None or index >= len(services.findings):
            return None
        finding = services.findings[index]
        return selection_of([callback_node(i) for i in finding.callbacks], index)
    return selection_of([trigger["node"]])


def clamped_depth(value: int | float) -> int:
    """A focus depth the slider has: rounded (halves up) into 1..MAX_DEPTH.

    >>> clamped_depth(0), clamped_depth(99), clamped_depth(2.5), clamped_depth(2.4)
    (1, 10, 3, 2)
    """
    return max(1, min(MAX_DEPTH, math.floor(value + 0.5)))


def synced_depth(
    trigger: str | None, slider: int | None, typed: int | float | None, url_view: dict | None
) -> tuple | None:
    """The focus depth for the slider and the number box (no_update where one already shows
    it); None when there is no depth to show yet.

    The box sends its value when Enter is pressed or it loses focus (debounce), so an empty
    (or unreadable) box there is a commitment too: it shows the slider's depth again.
    """
    if trigger == ids.URL_VIEW:
        wanted = (url_view or {}).get("depth")
    elif trigger == ids.FOCUS_DEPTH_INPUT:
        wanted = typed if typed is not None else slider
    else:
        wanted = slider
    if wanted is None:
        return None
    depth = clamped_depth(wanted)
    # a link restoring the depth shown already changes nothing (setting the slider anyway
    # would redraw the graph the page was served with)
    return (
        no_update if depth == slider else depth,
        no_update if trigger != ids.FOCUS_DEPTH_SLIDER and depth == typed else depth,
    )


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(
        Output(ids.SELECTION, "data"),
        Input(ids.GRAPH, "tapNodeData"),
        Input(ids.SEARCH_INPUT, "n_submit"),
        Input({"type": ids.SEARCH_RESULT, "node": ALL}, "n_clicks"),
        Input({"type": ids.FINDING_ITEM, "index": ALL}, "n_clicks"),
        Input({"type": ids.RELATED_NODE, "node": ALL}, "n_clicks"),
        Input(ids.CLEAR_SELECTION, "n_clicks", allow_optional=True),
        Input(ids.URL_VIEW, "data"),
        Input(ids.PROJECT_SELECT, "value"),
        State(ids.SEARCH_INPUT, "value"),
        State(ids.SELECTION, "data"),
        prevent_initial_call=True,
    )
    def select(
        tapped: dict | None, submitted: int | None, search_clicks: list, finding_clicks: list,
        related_clicks: list, cleared: int | None, url_view: dict | None,
        project: str | None, query: str | None, current: dict | None,
    ) -> dict:
        """Every way of selecting goes through here, told apart by ``ctx.triggered_id``."""
        selection = next_selection(
            ctx.triggered_id, f"{ids.URL_VIEW}.data" in ctx.triggered_prop_ids,
            bool(ctx.triggered and ctx.triggered[0]["value"]), tapped, url_view, query,
            current, store.services(project),
        )
        if selection is None:
            raise PreventUpdate
        return selection

    @app.callback(
        Output(ids.FOCUS_DEPTH_SLIDER, "value"),
        Output(ids.FOCUS_DEPTH_INPUT, "value"),
        Input(ids.FOCUS_DEPTH_SLIDER, "value"),
        Input(ids.FOCUS_DEPTH_INPUT, "value"),
        Input(ids.URL_VIEW, "data"),
        prevent_initial_call=True,
    )
    def sync_focus_depth(
        slider: int | None, typed: int | float | None, url_view: dict | None
    ) -> tuple:
        """The slider and the number box show one value: one callback owns both."""
        depths = synced_depth(ctx.triggered_id, slider, typed, url_view)
        if depths is None:
            raise PreventUpdate
        return depths
