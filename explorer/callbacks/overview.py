"""Large graphs: which clusters and pages/modules of the aggregated view are open."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from explorer import ids
from explorer.projects import ProjectStore


def groups_to_open(tapped: dict | None) -> list[str]:
    """The cluster or page/module a click on the graph opens (none for a plain node)."""
    return [tapped["key"]] if tapped and tapped.get("expandable") else []


def selection_groups(store: ProjectStore, project: str | None, selection: dict | None) -> list[str]:
    """The closed clusters and pages/modules drawn around the selected nodes."""
    nodes = tuple((selection or {}).get("nodes") or ())
    if not nodes:
        return []
    return store.answer(project, lambda s: list(s.opening(nodes)), [])


def with_opened(expanded: list | None, wanted: list[str]) -> list[str] | None:
    """``expanded`` with ``wanted`` opened too; None when nothing new opens."""
    opened = list(expanded or ())
    new = [key for key in wanted if key not in opened]
    return opened + new if new else None


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(
        Output(ids.EXPANDED, "data"),
        Input(ids.GRAPH, "tapNodeData"),
        Input(ids.SELECTION, "data"),
        Input(ids.OVERVIEW_RESET, "n_clicks"),
        Input(ids.PROJECT_SELECT, "value"),
        State(ids.EXPANDED, "data"),
        prevent_initial_call=True,
    )
    def expand(
        tapped: dict | None, selection: dict | None, reset: int | None, project: str | None,
        expanded: list | None,
    ) -> list[str]:
        """A click on a cluster or page/module opens it; selecting a node drawn inside a
        closed one (search, findings, URL) opens that too, so the selection is on screen."""
        trigger = ctx.triggered_id
        if trigger == ids.PROJECT_SELECT or (trigger == ids.OVERVIEW_RESET and reset):
            return []
        if trigger == ids.GRAPH:
            wanted = groups_to_open(tapped)
        else:
            wanted = selection_groups(store, project, selection)
        opened = with_opened(expanded, wanted)
        if opened is None:
            raise PreventUpdate
        return opened
