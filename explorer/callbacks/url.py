"""Shareable views: the URL's query string restores the controls, and follows them."""

from __future__ import annotations

from dataclasses import asdict

from dash import Dash, Input, Output, State, no_update

from explorer import ids
from explorer.projects import ProjectStore
from explorer.view.urlstate import UrlView, decode, encode
from explorer.view.filters import default_collapse


def project_collapse(store: ProjectStore, project: str | None) -> str:
    """The collapse a project opens with (large projects open grouped by page/module)."""
    services = store.services(project)
    return default_collapse(len(services.catalog.callbacks) if services else 0)


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(
        Output(ids.PROJECT_SELECT, "value"),
        Output(ids.SEARCH_INPUT, "value"),
        Output(ids.FILTER_SEVERITY, "value"),
        Output(ids.FILTER_RULE, "value"),
        Output(ids.FILTER_KIND, "value"),
        Output(ids.COLLAPSE_SELECT, "value"),
        Output(ids.LAYOUT_SELECT, "value"),
        Output(ids.FOCUS_DIRECTION, "value"),
        Output(ids.URL_VIEW, "data"),
        Input(ids.URL, "pathname"),
        State(ids.URL, "search"),
    )
    def restore_view(pathname: str | None, search: str | None) -> tuple:
        """Opening a link restores its view; the URL is read as State so writing it back
        never triggers this again (no cycle between the two URL callbacks). The selection,
        focus depth and page/module filter are restored by their own writers from URL_VIEW."""
        view = decode(search)
        project = view.project if store.known(view.project) else store.default()
        collapse = view.collapse or project_collapse(store, project)
        return (
            project, view.search, list(view.severities), list(view.rules), list(view.kinds),
            collapse, view.layout, view.direction, asdict(view),
        )

    @app.callback(
        Output(ids.URL, "search"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.SEARCH_INPUT, "value"),
        Input(ids.FILTER_GROUP, "value"),
        Input(ids.FILTER_SEVERITY, "value"),
        Input(ids.FILTER_RULE, "value"),
        Input(ids.FILTER_KIND, "value"),
        Input(ids.COLLAPSE_SELECT, "value"),
        Input(ids.LAYOUT_SELECT, "value"),
        Input(ids.FOCUS_DIRECTION, "value"),
        Input(ids.FOCUS_DEPTH_SLIDER, "value"),
        Input(ids.SELECTION, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def write_url(
        project: str | None, search: str | None, groups: list | None, severities: list | None,
        rules: list | None, kinds: list | None, collapse: str | None, layout: str | None,
        direction: str | None, depth: int | None, selection: dict | None, current: str | None,
    ) -> str:
        selection = selection or {}
        view = UrlView(
            project=project, search=search or "", groups=tuple(groups or ()),
            severities=tuple(severities or ()), rules=tuple(rules or ()),
            kinds=tuple(kinds or ()),
            collapse=None if collapse == project_collapse(store, project) else collapse,
            layout=layout or UrlView.layout, direction=direction or "off", depth=depth or 1,
            selected=tuple(selection.get("nodes") or ()), finding=selection.get("finding"),
        )
        encoded = encode(view)
        return no_update if encoded == (current or "") else encoded
