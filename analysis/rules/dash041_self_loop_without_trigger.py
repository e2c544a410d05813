"""DASH041 self-loop-without-trigger: a callback feeding its Output back as Input never asks which fired."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import each_property_once, rule
from analysis.rules._naming import callback_label
from analysis.source.python import reads_trigger


@rule(
    "DASH041",
    "self-loop-without-trigger",
    "warning",
    "a callback whose Output is also one of its Inputs (the sync pattern) never checks which Input fired",
)
def self_loop_without_trigger(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds server callbacks with two or more Inputs where an Output is also one of their own
    Inputs — the circular "sync" pattern Dash allows within one callback (two inputs kept in
    step, a slider and a box showing one value) — whose body never reads
    ``ctx.triggered_id`` / ``ctx.triggered`` / ``callback_context``.

    ## Why is this bad?
    The sync pattern only works when the callback copies *from the input that changed* to the
    others. Without knowing which Input fired, the function must pick one direction: edits in
    the other component are overwritten with the old value, so that component looks frozen.

    ## Example
    ```python
    @callback(Output("celsius", "value"), Output("fahrenheit", "value"),
              Input("celsius", "value"), Input("fahrenheit", "value"))
    def sync(c, f):
        return c, c * 9 / 5 + 32  # typing in fahrenheit is undone
    ```

    ## Use instead
    ```python
    @callback(Output("celsius", "value"), Output("fahrenheit", "value"),
              Input("celsius", "value"), Input("fahrenheit", "value"))
    def sync(c, f):
        if ctx.triggered_id == "fahrenheit":
            return (f - 32) * 5 / 9, no_update
        return no_update, c * 9 / 5 + 32
    ```
    """
    for callback in ctx.callbacks:
        if len(callback.inputs) < 2:
            continue
        read = {d.key for d in callback.inputs}
        looped = each_property_once(d for d in callback.outputs if d.key in read)
        if not looped:
            continue
        function = ctx.function(callback)
        if function is None or reads_trigger(function):
            continue
        yield self_loop_without_trigger.finding(
            f"{callback_label(callback)} writes its own Input "
            f"({', '.join(d.key for d in looped)}) but never checks ctx.triggered_id",
            [callback], looped,
        )
