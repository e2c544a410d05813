"""DASH072 duplicate-component-id: two components in one layout share an id."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label


@rule(
    "DASH072",
    "duplicate-component-id",
    "error",
    "two components in one layout share an id",
)
def duplicate_component_id(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Reports every id that appears on more than one component of the same layout (the app's
    layout, or one page's layout). The same id on two different pages is fine: only one page
    is shown at a time.

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
    for layout in ctx.snapshot.layouts:
        for id_text in layout.duplicate_ids:
            users = [
                cb for cb in ctx.callbacks
                if (ctx.app_of(cb) is None or ctx.app_of(cb).name == layout.app)
                and any(d.id_str == id_text for d in (*cb.outputs, *cb.inputs, *cb.states))
            ]
            named = ", ".join(callback_label(cb) for cb in users)
            where = f"page {layout.name!r}" if layout.name != "app" else f"app {layout.app!r}"
            yield duplicate_component_id.finding(
                f"id {id_text!r} is used by several components in the layout of {where}"
                + (f" (callbacks {named} use it)" if users else ""),
                callbacks=users,
                components=[id_text],
                file=layout.file,
            )
