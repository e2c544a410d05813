"""DASH072 duplicate-component-id: two components in one layout share an id."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.snapshot import Layout


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
    for layout, id_text, shell in _duplicates(ctx):
        users = [
            cb for cb in ctx.callbacks
            if (ctx.app_of(cb) is None or ctx.app_of(cb).name == layout.app)
            and any(d.id_str == id_text for d in (*cb.outputs, *cb.inputs, *cb.states))
        ]
        named = ", ".join(callback_label(cb) for cb in users)
        where = f"page {layout.name!r}" if layout.name != "app" else f"app {layout.app!r}"
        clash = (f"is in the layout of app {layout.app!r} and again in the layout of {where}, "
                 f"which is shown inside it" if shell else
                 f"is used by several components in the layout of {where}")
        yield duplicate_component_id.finding(
            f"id {id_text!r} {clash}" + (f" (callbacks {named} use it)" if users else ""),
            users,
            components=[id_text],
            file=layout.file,
        )


def _duplicates(ctx: LintContext) -> Iterator[tuple[Layout, str, bool]]:
    """(layout, id text, shared with the app's own layout?) for every duplicate: within one
    layout, then between a page's layout and its app's layout (the page is shown inside it)."""
    ids_in: dict[str, set[str]] = {}
    for component in ctx.snapshot.components:
        ids_in.setdefault(component.layout, set()).add(component.id_str)
    shells = {}
    for layout in ctx.snapshot.layouts:
        if layout.path is None and not layout.name.startswith("validation"):
            shells.setdefault(layout.app, layout)
    for layout in ctx.snapshot.layouts:
        yield from ((layout, id_text, False) for id_text in layout.duplicate_ids)
        shell = shells.get(layout.app)
        if layout.path is None or shell is None:
            continue  # only pages are rendered inside their app's layout
        shared = ids_in.get(layout.name, set()) & ids_in.get(shell.name, set())
        yield from ((layout, id_text, True) for id_text in sorted(shared))
