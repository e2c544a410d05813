"""Shareable views: the URL's query string restores the controls, and follows them."""

from __future__ import annotations

from dataclasses import asdict, replace

from dash import Dash, Input, Output, State, no_update

from explorer import ids
from explorer.projects import ProjectStore
from explorer.view.urlstate import UrlView, control_values, decode, encode, url_view
from explorer.view.filters import default_collapse


def project_collapse(store: ProjectStore, project: str | None) -> str:
    """The collapse a project opens with (large projects open grouped by page/module)."""
    return default_collapse(store.answer(project, lambda s: len(s.catalog.callbacks), 0))


#: Controls restored from URL_VIEW by their own writers: the page/module filter with its
#: options, the focus depth with its number box.
RESTORED_ELSEWHERE = ("groups", "depth")
RESTORED = tuple((name, control) for name, control in ids.VIEW_CONTROLS
                 if name not in RESTORED_ELSEWHERE)


def restored_controls(store: ProjectStore, search: str | None) -> tuple[str, str, dict, dict]:
    """The project, search and controls a link's query string asks for, and the whole view
    for the callbacks that restore the rest (selection, focus depth, page/module filter)."""
    view = decode(search)
    project = view.project if store.known(view.project) else store.default()
    controls = control_values(view, [name for name, _ in RESTORED])
    controls["collapse"] = view.collapse or project_collapse(store, project)
    return project, view.search, controls, asdict(view)


def shared_view(store: ProjectStore, project: str | None, search: str | None, controls: dict,
                selection: dict | None) -> UrlView:
    """The view the controls show, as a link keeps it (the project's default collapse is
    left out, so the link follows the project)."""
    selection = selection or {}
    view = url_view(controls, project=project, search=search or "",
                    selected=tuple(selection.get("nodes") or ()),
                    finding=selection.get("finding"))
    return replace(view, collapse=None if view.collapse == project_collapse(store, project)
                   else view.collapse)


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(
        Output(ids.PROJECT_SELECT, "value"),
        Output(ids.SEARCH_INPUT, "value"),
        {name: Output(control, "value") for name, control in RESTORED},
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
        {name: Input(control, "value") for name, control in ids.VIEW_CONTROLS},
        Input(ids.SELECTION, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def write_url(
        project: str | None, search: str | None, controls: dict, selection: dict | None,
        current: str | None,
    ) -> str:
        encoded = encode(shared_view(store, project, search, controls, selection))
        return no_update if encoded == (current or "") else encoded
