"""DASH020 returns-none: a callback with Outputs returns None on some path."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.dash_props import COUNTER_PROPS, runs_on_load
from analysis.findings import Finding
from analysis.graph import writers
from analysis.source.flow import (
    CallFacts, can_fall_off_end, can_fall_off_end_given, is_generator, is_none, may_be_none, returns,
)
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.snapshot import Callback
from analysis.source.python import FunctionNode
from analysis.source.signature import dependency_parameters

#: Outputs that ``None`` empties on purpose: a ``children`` of None renders nothing.
_CLEARED_BY_NONE = frozenset({"children"})


@rule(
    "DASH020",
    "returns-none",
    "warning",
    "a callback with Outputs returns None on some path instead of raising PreventUpdate or returning no_update",
)
def returns_none(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds server callbacks with Outputs that return ``None`` on some path: a bare ``return``,
    ``return None`` (or ``x if c else None``), or running off the end of the function
    (an ``if`` without ``else``, an ``except`` that only logs, a ``match`` without
    ``case _``). Paths that raise (``PreventUpdate`` included) or return ``no_update`` are
    fine; so is a function whose every path raises or returns a value.

    Not reported: ``return None`` or ``x if c else None`` into a callback's only Output when
    that is a ``children`` (a written-out ``None`` empties the text on purpose), and falling off
    the end where Dash never gets there: with the initial call prevented, an if/elif over
    ``ctx.triggered_id`` naming every Input always takes a branch, and the click count of a
    callback's only Input (written by no callback) is at least 1, so ``if n_clicks > 0:``
    always holds.

    ## Why is this bad?
    ``None`` is a value: Dash writes it into the Output, clearing a figure, a table or a
    text the user was looking at. With several Outputs, ``None`` is not a list at all and the
    callback fails with ``InvalidCallbackReturnValue``. When the intent is "nothing to do",
    ``raise PreventUpdate`` skips every Output and ``no_update`` skips one. If you do mean to
    clear a property, return the empty value explicitly and mark the line ``# noqa: DASH020``.

    ## Example
    ```python
    @callback(Output("graph", "figure"), Input("country", "value"))
    def plot(country):
        if country:
            return make_figure(country)
    ```

    ## Use instead
    ```python
    @callback(Output("graph", "figure"), Input("country", "value"))
    def plot(country):
        if not country:
            raise PreventUpdate
        return make_figure(country)
    ```
    """
    for callback in ctx.callbacks:
        if callback.no_output or not callback.outputs:
            continue
        function = ctx.function(callback)
        if function is None or is_generator(function):
            continue
        offset = _line_offset(callback, function.lineno)
        places = [
            f"{'bare `return`' if node.value is None else '`return None`'}"
            + (f" at line {node.lineno + offset}" if offset is not None else "")
            for node in returns(function)
            if may_be_none(node.value) and not _deliberate_clear(callback, node.value)
        ]
        if can_fall_off_end(function) and can_fall_off_end_given(
            function, _call_facts(ctx, callback, function)
        ):
            places.append("falls off the end")
        if places:
            yield returns_none.finding(
                f"{callback_label(callback)} returns None ({'; '.join(places)}): "
                "raise PreventUpdate or return no_update",
                [callback], callback.outputs,
            )


def _line_offset(callback: Callback, def_lineno: int) -> int | None:
    """What to add to a line of the parsed source to get the line in the file."""
    if callback.def_line:
        return callback.def_line - def_lineno
    return callback.line - 1 if callback.line else None


def _deliberate_clear(callback: Callback, value: ast.expr | None) -> bool:
    """A ``None`` written out (``return None``, or ``x if c else None``) into the only Output,
    a ``children``; a bare ``return`` is not written out and stays reported."""
    written_out = value is not None and is_none(value)
    return (
        (written_out or isinstance(value, ast.IfExp)
         and (is_none(value.body) or is_none(value.orelse)))
        and not callback.multi_output
        and len(callback.outputs) == 1
        and callback.outputs[0].property in _CLEARED_BY_NONE
    )


def _call_facts(ctx: LintContext, callback: Callback, function: FunctionNode) -> CallFacts:
    """What holds on every call when Dash never calls the callback on page load: the trigger
    is one of its Inputs, and a lone click counter has counted at least one click."""
    if runs_on_load(callback, ctx.app_of(callback)):
        return CallFacts()
    ids = [d.id for d in callback.inputs]
    trigger_ids = frozenset(ids) if all(isinstance(i, str) for i in ids) else frozenset()
    positive: frozenset[str] = frozenset()
    parameters = dependency_parameters(function, callback.arg_grouping) or {}
    if (
        len(callback.inputs) == 1
        and trigger_ids
        and callback.inputs[0].property in COUNTER_PROPS
        and 0 in parameters
        and list(parameters.values()).count(parameters[0]) == 1  # not *args
        and not writers(ctx.graph, callback.inputs[0].key)  # only the user changes it
    ):
        positive = frozenset({parameters[0]})
    return CallFacts(trigger_ids, positive)
