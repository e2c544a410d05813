"""DASH051 hidden-writer: set_props writes another callback's Output, or an id no layout has."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.patterns import ids_overlap
from analysis.rules._base import rule
from analysis.rules._naming import callback_label, callback_labels
from analysis.layouts import layouts_of
from analysis.snapshot import Callback, ComponentId, Dependency
from analysis.source.python import all_nodes


@rule(
    "DASH051",
    "hidden-writer",
    "warning",
    "set_props writes a property another callback declares as Output, or an id missing from every layout",
)
def hidden_writer(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Reads the literal ``set_props("id", {"prop": ...})`` calls of each server callback (and
    ``dash_clientside.set_props`` in inline clientside JavaScript) and reports two things:

    1. the property is an ``Output`` of another callback of the same app (declared without
       ``allow_duplicate``; pattern ids match the way Dash matches them);
    2. the id (a plain string) is in no layout of the app — pages included — and nothing
       explains it: the app does not set ``suppress_callback_exceptions=True`` (Dash's own
       signal that callbacks create components later), no callback declares the id, and no
       callback builds a component with that ``id=``.

    ## Why is this bad?
    ``set_props`` is a writer Dash's callback graph does not show. A property with a declared
    Output promises one owner; a hidden second writer makes its value depend on which
    response arrived last, and neither dev tools nor a reader of the Output callback can see
    why. An id that is in no layout is ignored by the renderer without an error: the update
    silently goes nowhere (often a typo). Dash validates ``set_props`` ids nowhere, so
    ``suppress_callback_exceptions`` is used only as the author's statement that the layout
    is built at run time.

    ## Example
    ```python
    @callback(Output("status", "children"), Input("load", "n_clicks"))
    def load(n): return "loaded"

    @callback(Input("save", "n_clicks"), prevent_initial_call=True)
    def save(n):
        set_props("status", {"children": "saved"})  # second, hidden writer
    ```

    ## Use instead
    ```python
    @callback(Output("status", "children"),
              Input("load", "n_clicks"), Input("save", "n_clicks"))
    def status(load, save):
        return "saved" if ctx.triggered_id == "save" else "loaded"
    ```
    """
    for callback in ctx.callbacks:
        seen: set[str] = set()
        for component_id, prop in ctx.set_props_targets(callback):
            written = Dependency(component_id, prop)
            if written.key in seen:
                continue
            seen.add(written.key)
            owners = _declared_writers(ctx, callback, component_id, prop)
            if owners:
                yield hidden_writer.finding(
                    f"{callback_label(callback)} calls set_props on {written.key}, which "
                    f"{callback_labels(owners)} declares as Output",
                    [callback, *owners], [written],
                )
            elif _missing(ctx, callback, component_id):
                yield hidden_writer.finding(
                    f"{callback_label(callback)} calls set_props on id {written.id_str!r}, "
                    "which no layout contains",
                    [callback], [written], ids_at_fault=True,
                )


def _same_scope(ctx: LintContext, a: Callback, b: Callback) -> bool:
    return ctx.app_of(a) == ctx.app_of(b)


def _declared_writers(
    ctx: LintContext, writer: Callback, component_id: ComponentId, prop: str
) -> list[Callback]:
    """Other callbacks of the app with a plain (not allow_duplicate) Output on that property."""
    return [
        other
        for other in ctx.callbacks
        if other.index != writer.index
        and _same_scope(ctx, writer, other)
        and any(
            d.property == prop and not d.allow_duplicate and ids_overlap(d.id, component_id)
            for d in other.outputs
        )
    ]


def _missing(ctx: LintContext, callback: Callback, component_id: ComponentId) -> bool:
    """True when a string id is surely absent from the app (see the rationale's point 2)."""
    if not isinstance(component_id, str):
        return False  # dict ids are made at run time, like the pattern callbacks using them
    app = ctx.app_of(callback)
    if app is not None and app.suppress_callback_exceptions:
        return False
    layouts = layouts_of(ctx.snapshot, app)
    if not layouts.complete or layouts.matching(component_id):
        return False
    for other in ctx.callbacks:
        if any(d.id == component_id for d in (*other.inputs, *other.states, *other.outputs)):
            return False  # declared: DASH070 judges it
        function = ctx.function(other)
        if function is not None and _builds_id(function, component_id):
            return False
    return True


def _builds_id(function: ast.AST, component_id: str) -> bool:
    """True when the function creates a component with ``id=<that literal>``."""
    return any(
        isinstance(node, ast.keyword)
        and node.arg == "id"
        and isinstance(node.value, ast.Constant)
        and node.value.value == component_id
        for node in all_nodes(function)
    )
