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
from analysis.source.python import FunctionNode, all_nodes, names_derived_from, reads_trigger
from analysis.source.signature import dependency_parameters


@rule(
    "DASH041",
    "self-loop-without-trigger",
    "warning",
    "a callback whose Output is also one of its Inputs (the sync pattern) never checks which Input fired",
    default=False,
)
def self_loop_without_trigger(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Opt-in (``--select DASH041``): on five rounds of public apps it made no true positive
    (7 false positives): a callback that writes one of its own Inputs usually computes the
    same result whichever Input fired, and Dash does not re-run it for its own Output.

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
    when a modal closes). Nor a selection reset to new options: the value made from another
    Input is written only under a test of the looped Input's own value, on a path that also
    writes the same component's options (``data``/``options``): ``if not set(selected) <=
    set(groups): return options_of(groups), groups``. A user picks from those options, so
    the user's own edit passes the test. Such a result depends on the values, not on which
    Input fired.

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
        if is_none(value):
            return True
        if _reads(value, others) and not _reads(value, own):
            if _resets_to_new_options(function, callback, looped, node, own, others):
                carried = True  # the own value decides, and a pick from the options passes
                continue
            return True
        if _reads(value, own):
            carried = True
        elif not is_no_update(value):
            reset = True
    # only constants and States: the user's edit of this component is always undone
    return reset and not carried


#: The property holding a selection component's options.
_OPTIONS_PROPS = ("options", "data")


def _resets_to_new_options(function: FunctionNode, callback: Callback, looped: Dependency,
                           node: ast.Return, own: set[str], others: set[str]) -> bool:
    """True when every write of another Input's value to ``looped`` at this return sits in a
    branch of an ``if`` that tests ``looped``'s own value, and that branch also writes the
    component's options (see the rationale)."""
    options = [i for i, d in enumerate(callback.outputs)
               if d.id == looped.id and d.property in _OPTIONS_PROPS]
    value = node.value
    if not options or not callback.multi_output or not isinstance(value, (ast.Tuple, ast.List)):
        return False
    chosen = value.elts[callback.outputs.index(looped)]
    offered = [value.elts[i] for i in options]
    parents = {child: parent for parent in all_nodes(function)
               for child in ast.iter_child_nodes(parent)}
    # (statement, value) for each write: the assignments of a returned local, else the return
    writes = [(a, a.value) for a in all_nodes(function) if isinstance(a, ast.Assign)
              and isinstance(chosen, ast.Name)
              and any(isinstance(t, ast.Name) and t.id == chosen.id for t in a.targets)]
    for write, written in writes or [(node, chosen)]:
        if is_no_update(written) or not _reads(written, others) or _reads(written, own):
            continue
        branch = _branch_testing(write, parents, own)
        if branch is None or not all(_written_in(branch, o, node) for o in offered):
            return False
    return True


def _branch_testing(node: ast.AST, parents: dict[ast.AST, ast.AST],
                    names: set[str]) -> list[ast.stmt] | None:
    """The body or else-branch, holding ``node``, of the nearest ``if`` whose test reads one
    of ``names``; None when no such ``if`` encloses it."""
    child, parent = node, parents.get(node)
    while parent is not None:
        if isinstance(parent, ast.If) and _reads(parent.test, names):
            return parent.body if child in parent.body else parent.orelse
        child, parent = parent, parents.get(parent)
    return None


def _written_in(branch: list[ast.stmt], offered: ast.expr, node: ast.Return) -> bool:
    """True when the branch gives the options a value other than ``no_update``: assigns the
    returned name, or is where the return writing them is."""
    inside = {n for statement in branch for n in ast.walk(statement)}
    if isinstance(offered, ast.Name):
        return any(isinstance(a, ast.Assign) and a in inside and not is_no_update(a.value)
                   and any(isinstance(t, ast.Name) and t.id == offered.id for t in a.targets)
                   for a in inside)
    return node in inside and not is_no_update(offered)


def _reads(expression: ast.AST, names: set[str]) -> bool:
    return any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(expression))
