"""DASH030 untracked-trigger: several Inputs, user events among them, and no look at which fired."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.dash_props import COUNTER_PROPS, TIMESTAMP_PROPS, is_event, set_only_by_callbacks
from analysis.findings import Finding
from analysis.graph import writers
from analysis.source.flow import is_refusal
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.snapshot import Callback, Dependency
from analysis.source.python import FunctionNode, all_nodes, reads_trigger
from analysis.source.signature import dependency_parameters


@rule(
    "DASH030",
    "untracked-trigger",
    "warning",
    "a callback with several Inputs, some of them user events, decides on event values without ctx.triggered_id",
    default=False,
)
def untracked_trigger(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Opt-in (``--select DASH030``): on five rounds of public apps nobody tuned it on it
    made no true positive (round 5: 42 false positives, 1 debatable; rounds 1-4: 1 false
    positive). Whether a click count is read as an event or as a flag the callback owns is
    intent the code rarely shows; useful as a review aid on code you know.

    Finds server callbacks with several Inputs, at least one of them event-like
    (``n_clicks``, ``n_submit``, ``clickData``, ...; see ``analysis/dash_props.py``), whose
    body never asks which Input fired (``ctx.triggered_id``, ``ctx.triggered``,
    ``ctx.triggered_prop_ids``, ``ctx.args_grouping``, ``callback_context``) yet reads the
    value of an event: a click counter, or one of two or more events. A callback that treats
    every trigger alike (the counters only trigger it; their values are never read) is fine,
    and so is one that compares ``n_clicks_timestamp`` values, reads a counter only to refuse
    the page-load call (``if not n:`` / ``if n is None or n == 0:`` then ``no_update``), uses
    its parity as an on/off state (``n_clicks % 2``), or calls a helper named for the trigger
    (``trigger()``: the helper's body is not in the snapshot, its name is the evidence).
    Two more are fine: a counter that is also one of the callback's own Outputs (it writes
    the count back, 0 after a click or kept as an on/off flag, so the value read is the state
    it left), and a callback whose other Inputs never change after the layout is shown: a
    ``children`` (no component sets its own) or an ``html.*`` component's property other than
    ``n_clicks`` (a hidden ``html.Div`` carrying a title) that no callback writes (Output,
    ``set_props``, ``running``, ``progress``) "fires" only with the layout, beside counters
    that are new too.

    ## Why is this bad?
    Event values stay set after the event: ``n_clicks`` keeps counting, ``clickData`` keeps
    the last point. When the dropdown next to the button changes, ``if n_clicks:`` is still
    true and the "button" branch runs again; with two buttons, the first one ever clicked
    wins forever. Only ``ctx.triggered_id`` says what fired this time.

    ## Example
    ```python
    @callback(Output("table", "data"), Input("reset", "n_clicks"), Input("year", "value"))
    def update(reset_clicks, year):
        if reset_clicks:
            return DEFAULT_ROWS
        return rows_for(year)
    ```

    ## Use instead
    ```python
    @callback(Output("table", "data"), Input("reset", "n_clicks"), Input("year", "value"))
    def update(reset_clicks, year):
        if ctx.triggered_id == "reset":
            return DEFAULT_ROWS
        return rows_for(year)
    ```
    """
    for callback in ctx.callbacks:
        if len(callback.inputs) < 2 or not any(is_event(d) for d in callback.inputs):
            continue
        function = ctx.function(callback)
        if function is None or reads_trigger(function):
            continue
        decided = _events_read(function, callback)
        if decided and sum(_changes_after_load(ctx, callback, d) for d in callback.inputs) >= 2:
            yield untracked_trigger.finding(
                f"{callback_label(callback)} has {len(callback.inputs)} Inputs and reads event "
                f"value(s) ({', '.join(decided)}) without checking ctx.triggered_id",
                [callback], callback.inputs,
            )


def _changes_after_load(ctx: LintContext, callback: Callback, dependency: Dependency) -> bool:
    """False for an Input only the layout sets: a ``children`` or an ``html.*`` property other
    than its click counter that no callback writes. It fires with the layout and never again,
    so it cannot make a later call look like a click (portfolio_analytics' hidden title Divs,
    in page layouts and in tables a callback builds)."""
    if not isinstance(dependency.id, str):
        return True
    holders = ctx.layouts.of(callback).matching(dependency.id)
    if not set_only_by_callbacks(dependency, tuple(c.type for c in holders)):
        return True
    if writers(ctx.graph, dependency.key):
        return True
    return any(dependency.key == d.key for cb in ctx.snapshot.callbacks
               for d in (*cb.running, *cb.progress))


def _events_read(function: FunctionNode, callback: Callback) -> list[str]:
    """The event Inputs whose value the body uses to decide; [] when it tracks or ignores them.
    A counter that is also an Output is the callback's own state (it writes the count back),
    not an event that may be stale."""
    owned = {d.key for d in callback.outputs}
    events = [(i, d) for i, d in enumerate(callback.inputs) if is_event(d) and d.key not in owned]
    parameters = dependency_parameters(function, callback.arg_grouping)
    if parameters is None:  # unknown binding: every value may be read
        return [d.key for _, d in events if d.property not in TIMESTAMP_PROPS]
    read = _deciding_reads(function, {parameters[i] for i, _ in events if i in parameters})
    read_events = [(i, d) for i, d in events if parameters.get(i) in read]
    if any(d.property in TIMESTAMP_PROPS for _, d in read_events):
        return []  # compares timestamps: the legacy way to find the trigger
    if len(events) >= 2:
        return [d.key for _, d in read_events]
    return [d.key for _, d in read_events if d.property in COUNTER_PROPS]


def _deciding_reads(function: FunctionNode, event_names: set[str]) -> set[str]:
    """Event parameters read other than to spot the page-load call.

    Not deciding: a test whose branch refuses (``if not n: raise PreventUpdate``, ``if n is
    None or n == 0: return no_update``), an ``or`` over every event (``if n1 or n2:`` — "any
    of them fired", dbc's modal toggle), and any read of a counter used as an on/off switch
    (``n_clicks % 2``): its parity is state, right whichever Input fired.
    """
    parents = {child: node for node in all_nodes(function) for child in ast.iter_child_nodes(node)}
    found: set[str] = set()
    toggles = _parity_toggles(function, event_names)
    for node in all_nodes(function):
        if not (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)):
            continue
        if node.id not in event_names or node.id in found or node.id in toggles:
            continue
        if not any(_spots_initial_call(a, parents.get(a), event_names) for a in _ancestors(node, parents)):
            found.add(node.id)
    return found


def _ancestors(node: ast.AST, parents: dict) -> Iterator[ast.AST]:
    while node in parents:
        node = parents[node]
        yield node


def _parity_toggles(function: FunctionNode, event_names: set[str]) -> set[str]:
    """Event parameters read in the left operand of ``% 2`` (``(n or 0) % 2`` too)."""
    return {
        name.id
        for node in all_nodes(function)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod)
        and isinstance(node.right, ast.Constant) and node.right.value == 2
        for name in ast.walk(node.left)
        if isinstance(name, ast.Name) and name.id in event_names
    }


def _spots_initial_call(node: ast.AST, parent: ast.AST | None, event_names: set[str]) -> bool:
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
        if event_names <= {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}:
            return True
        # else: an ``or`` of checks on one counter (``n is None or n == 0``) is one test;
        # it spots the page-load call when its branch refuses, like ``if not n:``
    return (
        isinstance(parent, ast.If)
        and parent.test is node
        and bool(parent.body)
        and is_refusal(parent.body[0])
    )
