"""DASH010 missing-prevent-initial-call: a callback fired only by user events still runs on load."""

from __future__ import annotations

import ast
import re
from typing import Iterator

from analysis.context import LintContext
from analysis.dash_props import is_event, runs_on_load, written_prevent_initial_call
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.snapshot import AppInfo, Callback
from analysis.source.python import FunctionNode, TRIGGER_ATTRIBUTES, all_nodes, names_derived_from
from analysis.source.signature import dependency_parameters

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
    ``analysis/dash_props.py``) and that Dash still calls when the page loads (no
    ``prevent_initial_call=True``) while the body never tells that call apart: no ``if`` /
    conditional expression tests an event value (``if not n_clicks``, ``if contents is
    None``) or ``ctx.triggered_id`` / ``ctx.triggered`` (both empty on load), directly or
    through a local read from them (``button = ctx.triggered_id`` then ``if button:``). A body
    that does so handles the initial call on purpose (e.g. renders a "no clicks yet" text).
    ``Dash(prevent_initial_callbacks=True)`` covers ``@app.callback`` only: ``@dash.callback``
    registers without an app and keeps its own default (``False``).
    ``prevent_initial_call="initial_duplicate"`` does not prevent the initial call either.
    What counts is what Dash sends the renderer (the probe records it), so
    ``config_prevent_initial_callbacks=True`` passed to ``@dash.callback`` does prevent it.

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
            f"{callback_label(callback)} is triggered only by user events ({events}) but runs "
            f"on page load{_why(callback, app)}: add prevent_initial_call=True",
            [callback], callback.inputs,
        )


def _why(callback: Callback, app: AppInfo | None) -> str:
    """Why a setting the author may have relied on does not prevent the call."""
    written = written_prevent_initial_call(callback, app)
    app_prevents = app is not None and app.prevent_initial_callbacks is True
    if callback.app is None and callback.prevent_initial_call is None and app_prevents:
        return " (the app's prevent_initial_callbacks does not apply to @dash.callback)"
    if written == "initial_duplicate":
        return " ('initial_duplicate' does not prevent the initial call)"
    return ""


def _guarded(ctx: LintContext, callback: Callback) -> bool:
    """True when the function tells the page-load call apart (see the rationale)."""
    if callback.kind == "clientside":
        # Only an inline function can be read; a namespaced one is unknown: do not guess.
        return callback.js_source is None or bool(_JS_GUARD.search(callback.js_source))
    function = ctx.function(callback)
    if function is None:
        return True
    parameters = dependency_parameters(function, callback.arg_grouping)
    if parameters is None:
        watched = {a.arg for a in function.args.posonlyargs + function.args.args}
    else:
        watched = {parameters[i] for i in range(len(callback.inputs)) if i in parameters}
    # A local read from an event or the trigger (`button = ctx.triggered_id`) counts as both.
    watched = names_derived_from(function, watched)
    return any(_tests_event(test, watched) for test in _tests(function))


def _tests(function: FunctionNode) -> Iterator[ast.expr]:
    """Every condition the function evaluates: if/while/assert tests, match subjects and guards."""
    for node in all_nodes(function):
        if isinstance(node, (ast.If, ast.IfExp, ast.While, ast.Assert)):
            yield node.test
        elif isinstance(node, ast.Match):
            yield node.subject
        elif isinstance(node, ast.match_case) and node.guard is not None:
            yield node.guard


def _tests_event(test: ast.expr, watched: set[str]) -> bool:
    for node in ast.walk(test):
        if isinstance(node, ast.Name) and node.id in watched:
            return True
        if isinstance(node, ast.Attribute) and node.attr in TRIGGER_ATTRIBUTES:
            return True
    return False
