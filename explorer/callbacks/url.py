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
    return default_collapse(store.answer(project, lambda s: len(s.catalog.callbacks), 0))


def restored_controls(store: ProjectStore, search: str | None) -> tuple:
    """The controls' values a link's query string asks for, and the whole view for the
    callbacks that restore the rest (selection, focus depth, page/module filter)."""
    view = decode(search)
    project = view.project if store.known(view.project) else store.default()
    collapse = view.collapse or project_collapse(store, project)
    return (
        project, view.search, list(view.severities), list(view.rules), list(view.kinds),
        collapse, view.layout, view.direction, asdict(view),
    )


def shared_view(
    store: ProjectStore, project: str | None, search: str | None, groups: list | None,
    severities: list | None, rules: list | None, kinds: list | None, collapse: str | None,
    layout: str | None, direction: str | None, depth: int | None, selection: dict | None,
) -> UrlView:
    """The view the controls show, as a link keeps it (the project's default collapse is
    left out, so the link follows the project)."""
    selection = selection or {}
    return UrlView(
        project=project, search=search or "", groups=tuple(groups or ()),
        severities=tuple(severities or ()), rules=tuple(rules or ()),
        kinds=tuple(kinds or ()),
        collapse=None if collapse == project_collapse(store, project) else collapse,
        layout=layout or UrlView.layout, direction=direction or "off", depth=depth or 1,
        selected=tuple(selection.get("nodes") or ()), finding=selection.get("finding"),
    )


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
        return restored_controls(store, search)

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
        encoded = encode(shared_view(store, project, search, groups, severities, rules, kinds,
                                     collapse, layout, direction, depth, selection))
        return no_update if encoded == (current or "") else encoded
