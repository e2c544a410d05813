"""DASH041 self-loop-without-trigger: a callback feeding its Output back as Input never asks which fired."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import each_property_once, rule
from analysis.rules._naming import callback_label
from analysis.snapshot import Callback, Dependency
from analysis.source.flow import can_fall_off_end, is_no_update, is_none, is_refusal, returns
from analysis.source.python import FunctionNode, names_derived_from, reads_trigger
from analysis.source.signature import dependency_parameters


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

    Reported only when the callback picks a direction: it writes, to such an Output, a value
    made from another Input but not from that Output's own Input (``return c, c * 9 / 5 + 32``
    writes Celsius into Fahrenheit), or ``None``, or only ever constants and States (so every
    edit is undone). Not reported: each looped Output receives ``no_update``, a value made from
    its own Input (``return columns[:1]``: it normalises what the user chose, whichever Input
    fired), or, on other paths, a constant or State-only value (a reset: ``return "", 1, 1``
    when a modal closes). Such a result depends on the values, not on which Input fired.

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
        if not any(_picks_a_direction(function, callback, d) for d in looped):
            continue
        yield self_loop_without_trigger.finding(
            f"{callback_label(callback)} writes its own Input "
            f"({', '.join(d.key for d in looped)}) but never checks ctx.triggered_id",
            [callback], looped,
        )


def _picks_a_direction(function: FunctionNode, callback: Callback, looped: Dependency) -> bool:
    """True unless every value written to ``looped`` is ``no_update``, made from the parameter
    of the same property's Input (or a local derived from it), or — when some path does carry
    that Input through — a constant or State-only value (a reset). A value made from another
    Input only, ``None`` or falling off the end is a pick; so is a ``*args`` signature."""
    parameters = dependency_parameters(function, callback.arg_grouping)
    index = next(i for i, d in enumerate(callback.inputs) if d.key == looped.key)
    if parameters is None or index not in parameters or can_fall_off_end(function):
        return True
    if list(parameters.values()).count(parameters[index]) > 1:  # *args: holds every value
        return True
    own = names_derived_from(function, {parameters[index]})
    # other Inputs' parameters (States are not a direction: nothing the user just edited)
    others = names_derived_from(function, {
        name for position, name in parameters.items()
        if position < len(callback.inputs) and position != index
    }) - own
    position = callback.outputs.index(looped)
    carried = reset = False
    for node in returns(function):
        if is_refusal(node):
            continue
        value = node.value
        if (callback.multi_output and isinstance(value, (ast.Tuple, ast.List))
                and len(value.elts) == len(callback.outputs)):
            value = value.elts[position]
        if is_none(value) or _reads(value, others) and not _reads(value, own):
            return True
        if _reads(value, own):
            carried = True
        elif not is_no_update(value):
            reset = True
    # only constants and States: the user's edit of this component is always undone
    return reset and not carried


def _reads(expression: ast.AST, names: set[str]) -> bool:
    return any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(expression))
