"""DASH010 missing-prevent-initial-call: a callback fired only by user events still runs on load."""

from __future__ import annotations

import ast
import re
from typing import Iterator

from analysis.context import LintContext
from analysis.dash_props import is_event, written_prevent_initial_call, runs_on_load
from analysis.findings import Finding
from analysis.flow import is_no_update, is_none
from analysis.rules._base import rule
from analysis.snapshot import Callback
from analysis.source import FunctionNode, dotted_name

#: An inline clientside function that bails out with no_update / PreventUpdate.
_JS_GUARD = re.compile(r"no_update|PreventUpdate")


@rule(
    "DASH010",
    "missing-prevent-initial-call",
    "warning",
    "every Input is a user event (n_clicks, n_submit, clickData, ...) yet the callback runs on page load",
)
def missing_prevent_initial_call(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds callbacks whose Inputs are all event-like properties (``n_clicks``, ``n_submit``,
    ``n_blur``, ``clickData``, ``contents``, ``tapNodeData``, ... see
    ``analysis/dash_props.py``) and that Dash still calls when the page loads: no
    ``prevent_initial_call=True``, and no guard at the top of the body that raises
    ``PreventUpdate`` or returns ``no_update``.
    ``Dash(prevent_initial_callbacks=True)`` covers ``@app.callback`` only: ``@dash.callback``
    registers without an app and keeps its own default (``False``).
    ``prevent_initial_call="initial_duplicate"`` does not prevent the initial call either.

    ## Why is this bad?
    On page load every such callback fires once with ``None`` for each event, before anyone
    clicked anything: a request per callback, and the "on click" action (saving, sending,
    resetting) runs without a click, or the callback crashes on ``None``.

    ## Example
    ```python
    @callback(Output("status", "children"), Input("save", "n_clicks"))
    def save(n_clicks):
        store.save()
        return "Saved"
    ```

    ## Use instead
    ```python
    @callback(Output("status", "children"), Input("save", "n_clicks"),
              prevent_initial_call=True)
    def save(n_clicks):
        store.save()
        return "Saved"
    ```
    """
    for callback in ctx.callbacks:
        if not callback.inputs or not all(is_event(d) for d in callback.inputs):
            continue
        app = ctx.app_of(callback)
        if not runs_on_load(callback, app) or _guarded(ctx, callback):
            continue
        events = ", ".join(d.key for d in callback.inputs)
        yield missing_prevent_initial_call.finding(
            f"`{callback.name}` is triggered only by user events ({events}) but runs on page "
            f"load{_why(callback, app)}: add prevent_initial_call=True",
            callbacks=[callback],
            properties=[d.key for d in callback.inputs],
        )


def _why(callback: Callback, app) -> str:
    written = written_prevent_initial_call(callback, app)
    if callback.app is None and callback.prevent_initial_call is None and any(
        a.prevent_initial_callbacks is True for a in [app] if a
    ):
        return " (the app's prevent_initial_callbacks does not apply to @dash.callback)"
    if written == "initial_duplicate":
        return " ('initial_duplicate' does not prevent the initial call)"
    return ""


def _guarded(ctx: LintContext, callback: Callback) -> bool:
    """True when the body starts by refusing the initial call (``if not n: raise PreventUpdate``)."""
    if callback.kind == "clientside":
        # Only an inline function can be read; a namespaced one is unknown: do not guess.
        return callback.js_source is None or bool(_JS_GUARD.search(callback.js_source))
    function = ctx.function(callback)
    return function is not None and _has_guard(function, callback.no_output)


def _has_guard(function: FunctionNode, no_output: bool) -> bool:
    for statement in function.body:
        if isinstance(statement, ast.If) and statement.body and _refuses(statement.body[0], no_output):
            return True
    return False


def _refuses(statement: ast.stmt, no_output: bool) -> bool:
    if isinstance(statement, ast.Raise) and statement.exc is not None:
        exc = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
        return (dotted_name(exc) or "").endswith("PreventUpdate")
    if isinstance(statement, ast.Return):
        value = statement.value
        if no_output and is_none(value):
            return True
        if isinstance(value, (ast.Tuple, ast.List)) and value.elts:
            return all(is_no_update(e) for e in value.elts)
        return is_no_update(value)
    return False
