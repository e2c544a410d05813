"""Shareable views: the URL's query string restores the controls, and follows them."""

from __future__ import annotations

from dataclasses import asdict, replace

from dash import Dash, Input, Output, State, ctx, no_update

from explorer import ids
from explorer.comparisons import comparison_of
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
    wanted = view.compare or view.project  # a comparison is a project of the store
    project = wanted if store.known(wanted) else store.default()
    controls = control_values(view, [name for name, _ in RESTORED])
    controls["collapse"] = view.collapse or project_collapse(store, project)
    return project, view.search, controls, asdict(view)


def shared_view(store: ProjectStore, project: str | None, search: str | None, controls: dict,
                selection: dict | None, opened: list | None = None) -> UrlView:
    """The view the controls show, as a link keeps it (the project's default collapse is
    left out, so the link follows the project), with the overview's opened groups."""
    selection = selection or {}
    view = url_view(controls, project=project, search=search or "",
                    selected=tuple(selection.get("nodes") or ()),
                    finding=selection.get("finding"), opened=tuple(opened or ()))
    view = replace(view, collapse=None if view.collapse == project_collapse(store, project)
                   else view.collapse)
    if store.answer(project, lambda s: comparison_of(s) is not None, False):
        view = replace(view, project=None, compare=project)  # ?compare=BASE..HEAD
    return view


def same_value(restored: object, current: object) -> bool:
    """Whether a control already shows what a link restores (an empty dropdown's None and
    an empty list are the same filter, as are no query and an empty one).

    >>> same_value([], None), same_value("", None), same_value(["a"], ["a"]), same_value("a", "b")
    (True, True, True, False)
    """
    return restored == current or (not restored and not current and restored != 0)


def changes_only(restored: tuple, current: tuple) -> tuple:
    """``restored`` with ``no_update`` where the page shows that already (dicts key by key):
    a control set to its own value would still start every callback reading it, and the
    graph's would redraw what the page was served with.

    >>> project, controls = changes_only(("demo", {"layout": "grid", "rules": []}),
    ...                                  ("demo", {"layout": "dagre"}))
    >>> project is no_update, controls["layout"], controls["rules"] is no_update
    (True, 'grid', True)
    """
    def kept(new: object, old: object) -> object:
        if isinstance(new, dict):
            return {key: kept(value, (old or {}).get(key)) for key, value in new.items()}
        return no_update if same_value(new, old) else new
    return tuple(kept(new, old) for new, old in zip(restored, current))


def restored_search(popped_now: bool, popped: str | None, search: str | None) -> str | None:
    """The query string to restore: where Back/Forward went, else the address's own."""
    return popped if popped_now else search


#: Back/Forward change the address without a request: dcc.Location then changes only
#: ``search`` (its ``pathname`` stays), which restore_view cannot take as Input without a
#: cycle through write_url. The browser's popstate hands the query string to a store instead.
LISTEN_TO_HISTORY = """
function(pathname) {
    if (!window.dceListensToHistory) {
        window.dceListensToHistory = true;
        window.addEventListener("popstate", function() {
            window.dash_clientside.set_props("%s", {data: window.location.search});
        });
    }
    return window.dash_clientside.no_update;
}
""" % ids.URL_POPPED


def register(app: Dash, store: ProjectStore) -> None:
    app.clientside_callback(LISTEN_TO_HISTORY, Input(ids.URL, "pathname"))

    @app.callback(
        Output(ids.PROJECT_SELECT, "value"),
        Output(ids.SEARCH_INPUT, "value"),
        {name: Output(control, "value") for name, control in RESTORED},
        Output(ids.URL_VIEW, "data"),
        Input(ids.URL, "pathname"),
        Input(ids.URL_POPPED, "data"),
        State(ids.URL, "search"),
        State(ids.PROJECT_SELECT, "value"),
        State(ids.SEARCH_INPUT, "value"),
        {name: State(control, "value") for name, control in RESTORED},
    )
    def restore_view(pathname: str | None, popped: str | None, search: str | None,
                     project: str | None, query: str | None, controls: dict) -> tuple:
        """Opening a link, or going Back/Forward, restores its view; the URL is read as
        State so writing it back never triggers this again (no cycle between the two URL
        callbacks). The selection, focus depth, page/module filter and the overview's opened
        groups are restored by their own writers from URL_VIEW."""
        popped_now = f"{ids.URL_POPPED}.data" in ctx.triggered_prop_ids
        *shown, view = restored_controls(store, restored_search(popped_now, popped, search))
        # only what differs from the page: opening a plain link redraws nothing
        return (*changes_only(tuple(shown), (project, query, controls)), view)

    @app.callback(
        Output(ids.URL, "search"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.SEARCH_INPUT, "value"),
        {name: Input(control, "value") for name, control in ids.VIEW_CONTROLS},
        Input(ids.SELECTION, "data"),
        Input(ids.EXPANDED, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def write_url(
        project: str | None, search: str | None, controls: dict, selection: dict | None,
        opened: list | None, current: str | None,
    ) -> str:
        encoded = encode(shared_view(store, project, search, controls, selection, opened))
        return no_update if encoded == (current or "") else encoded
