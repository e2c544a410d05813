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


def opened_groups(trigger: str | None, tapped: dict | None, selection_wanted: list[str],
                  reset: int | None, url_view: dict | None, expanded: list | None
                  ) -> list[str] | None:
    """The clusters and pages/modules open after ``trigger`` fired; None: no change.

    A link (or Back/Forward) opens what it names; another project, or "Close opened groups",
    closes everything; a click on a group or a selection inside one opens it too.
    """
    if trigger == ids.URL_VIEW:
        wanted = list((url_view or {}).get("opened") or ())
        return None if wanted == list(expanded or ()) else wanted
    if trigger == ids.PROJECT_SELECT or (trigger == ids.OVERVIEW_RESET and reset):
        return []
    wanted = groups_to_open(tapped) if trigger == ids.GRAPH else selection_wanted
    return with_opened(expanded, wanted)


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(
        Output(ids.EXPANDED, "data"),
        Input(ids.GRAPH, "tapNodeData"),
        Input(ids.SELECTION, "data"),
        Input(ids.OVERVIEW_RESET, "n_clicks"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.URL_VIEW, "data"),
        State(ids.EXPANDED, "data"),
        prevent_initial_call=True,
    )
    def expand(
        tapped: dict | None, selection: dict | None, reset: int | None, project: str | None,
        url_view: dict | None, expanded: list | None,
    ) -> list[str]:
        """A click on a cluster or page/module opens it; selecting a node drawn inside a
        closed one (search, findings, URL) opens that too, so the selection is on screen."""
        # A link restores the project with its opened groups: the link wins.
        trigger = ids.URL_VIEW if f"{ids.URL_VIEW}.data" in ctx.triggered_prop_ids \
            else ctx.triggered_id
        wanted = (selection_groups(store, project, selection)
                  if trigger == ids.SELECTION else [])
        opened = opened_groups(trigger, tapped, wanted, reset, url_view, expanded)
        if opened is None:
            raise PreventUpdate
        return opened
