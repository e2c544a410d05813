"""DASH072 duplicate-component-id: two components in one layout share an id."""

from __future__ import annotations

from collections import Counter
from pathlib import PureWindowsPath
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label, callback_labels
from analysis.snapshot import Callback, Component, Layout


@rule(
    "DASH072",
    "duplicate-component-id",
    "error",
    "two components in one layout share an id",
)
def duplicate_component_id(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Reports every id that appears on more than one component of the same layout (the app's
    layout, or one page's layout), and every id that a page's layout shares with the app's own
    layout: a page is rendered inside the app's layout (``dash.page_container``), so both are
    on screen together. The same id on two different pages is fine: only one page is shown at
    a time.

    The finding points at the first of the components, where the project created it, and names
    each one's type and place: ``id 'x' is used by html.H3 (docs.py:13) and dmc.Drawer
    (drawer.py:14)``. A component a library built (a Markdown heading's anchor) is placed at the
    project line that called the library.

    ## Why is this bad?
    Dash addresses components by id. With a duplicate, the app fails on its first request with
    ``DuplicateIdError`` when the duplicate is in ``app.layout``; in a page layout or in
    components returned by a callback, the browser shows "Duplicate component id found in the
    initial layout" and callbacks update whichever component the renderer happened to index.

    ## Example
    ```python
    app.layout = html.Div([
        html.Button("Save", id="save"),
        html.Div(html.Button("Save all", id="save")),
    ])
    ```

    ## Use instead
    ```python
    app.layout = html.Div([
        html.Button("Save", id="save"),
        html.Div(html.Button("Save all", id="save-all")),
    ])
    ```
    """
    holders = _components_by_layout_and_id(ctx)
    for layout, id_text, shell in _duplicates(ctx, holders):
        users = [
            cb for cb in ctx.callbacks
            if (ctx.app_of(cb) is None or ctx.app_of(cb).name == layout.app)
            and any(d.id_str == id_text for d in (*cb.outputs, *cb.inputs, *cb.states))
        ]
        where = f"page {layout.name!r}" if layout.name != "app" else f"app {layout.app!r}"
        own = holders.get((layout.name, id_text), [])
        if shell is not None:
            outer = holders.get((shell.name, id_text), [])
            found = [*outer, *own]
            clash = (f"is used by {_listing(outer)} in the layout of app {layout.app!r} and by "
                     f"{_listing(own)} in the layout of {where}, which is shown inside it"
                     if outer and own else
                     f"is in the layout of app {layout.app!r} and again in the layout of "
                     f"{where}, which is shown inside it")
        else:
            found = own
            clash = (f"is used by {_listing(own)} in the layout of {where}" if own else
                     f"is used by several components in the layout of {where}")
        file, line = _location(ctx, found, layout, shell, users)
        pointed = users[0] if users and (users[0].file, users[0].line) == (file, line) else None
        named = ", ".join(callback_label(cb) if cb is pointed else callback_labels([cb])
                          for cb in users)
        yield duplicate_component_id.finding(
            f"id {id_text!r} {clash}" + (f" (callbacks {named} use it)" if users else ""),
            users,
            components=[id_text],
            file=file,
            line=line,
        )


#: How Dash's docs and each library's own import the common component namespaces.
_NAMESPACE_ALIASES = {
    "dash_html_components": "html",
    "dash_core_components": "dcc",
    "dash_mantine_components": "dmc",
    "dash_bootstrap_components": "dbc",
    "dash_ag_grid": "dag",
}


def _listing(components: list[Component]) -> str:
    """``html.H3 (docs.py:13) and dmc.Drawer (drawer.py:14)``: each component's type as the
    project imports it and where the project created it; one site that made several copies
    (a loop, a reused object) is counted, not repeated."""
    counts = Counter(_described(c) for c in components)  # first appearance order
    parts = [f"{text} ×{count}" if count > 1 else text for text, count in counts.items()]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _described(component: Component) -> str:
    namespace, _, name = component.type.rpartition(".")
    kind = f"{_NAMESPACE_ALIASES.get(namespace, namespace)}.{name}" if namespace else name
    return f"{kind} ({component.site})" if component.site else kind


def _location(ctx: LintContext, found: list[Component], layout: Layout, shell: Layout | None,
              users: list[Callback]) -> tuple[str | None, int | None]:
    """Where the finding points: the first component whose creation site is known; without
    one (an older snapshot, components a library made), the layout's file, else the first
    callback using the id, else the app's file. Only project-relative paths: the reporters
    would print an absolute one, or the bare target, as the place."""
    site = next((c for c in found if c.site), None)
    if site is not None:
        return site.file, site.line
    if _in_project(layout.file):
        return layout.file, None
    if users and _in_project(users[0].file):
        return users[0].file, users[0].line
    for fallback in (shell.file if shell else None, *_app_files(ctx, layout.app)):
        if _in_project(fallback):
            return fallback, None
    return None, None


def _app_files(ctx: LintContext, app: str) -> list[str | None]:
    """The files of the app's own layouts (the module that made the app)."""
    return [lay.file for lay in ctx.snapshot.layouts if lay.app == app and lay.path is None]


def _in_project(path: str | None) -> bool:
    """A recorded path inside the project: relative to its root (others are absolute)."""
    return bool(path) and not path.startswith(("/", "<")) and not PureWindowsPath(path).drive


def _components_by_layout_and_id(ctx: LintContext) -> dict[tuple[str, str], list[Component]]:
    """The components of the snapshot by (layout name, id text), in walk order."""
    holders: dict[tuple[str, str], list[Component]] = {}
    for component in ctx.snapshot.components:
        holders.setdefault((component.layout, component.id_str), []).append(component)
    return holders


def _duplicates(ctx: LintContext, holders: dict[tuple[str, str], list[Component]]
                ) -> Iterator[tuple[Layout, str, Layout | None]]:
    """(layout, id text, the app's layout when the id is shared with it) for every duplicate:
    within one layout, then between a page's layout and its app's layout (the page is shown
    inside it)."""
    ids_in: dict[str, set[str]] = {}
    for layout_name, id_text in holders:
        ids_in.setdefault(layout_name, set()).add(id_text)
    shells = {}
    for layout in ctx.snapshot.layouts:
        if layout.path is None and not layout.name.startswith("validation"):
            shells.setdefault(layout.app, layout)
    for layout in ctx.snapshot.layouts:
        yield from ((layout, id_text, None) for id_text in layout.duplicate_ids)
        shell = shells.get(layout.app)
        if layout.path is None or shell is None:
            continue  # only pages are rendered inside their app's layout
        shared = ids_in.get(layout.name, set()) & ids_in.get(shell.name, set())
        yield from ((layout, id_text, shell) for id_text in sorted(shared))
