"""Large graphs: which clusters and pages/modules of the aggregated view are open."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from explorer import ids
from explorer.projects import ProjectStore


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
        opened = list(expanded or ())
        if trigger == ids.GRAPH:
            wanted = [tapped["key"]] if tapped and tapped.get("expandable") else []
        else:
            services = store.services(project)
            nodes = tuple((selection or {}).get("nodes") or ())
            wanted = list(services.opening(nodes)) if services and nodes else []
        new = [key for key in wanted if key not in opened]
        if not new:
            raise PreventUpdate
        return opened + new
