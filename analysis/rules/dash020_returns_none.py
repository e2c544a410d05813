"""DASH020 returns-none: a callback with Outputs returns None on some path."""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import Iterator

from analysis.context import LintContext
from analysis.dash_props import COUNTER_PROPS, is_list_or_dict_valued, runs_on_load
from analysis.findings import Finding
from analysis.graph import writers
from analysis.source.flow import (
    CallFacts, can_fall_off_end, can_fall_off_end_given, is_generator, is_none, may_be_none,
    no_trigger_returns, own_none_returns, returns, unreachable_returns,
)
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.snapshot import Callback, Dependency
from analysis.source.python import FunctionNode, dotted_name
from analysis.source.signature import dependency_parameters

#: Outputs that ``None`` empties on purpose: a ``children`` of None renders nothing.
_CLEARED_BY_NONE = frozenset({"children"})
#: Properties whose values the user types, picks or counts freely: an if/elif over one of them
#: lists some of its values, not all (unless ``_fixed_options`` knows every value it can hold).
_OPEN_VALUED = frozenset({"value", "pathname", "search", "hash", "href"}) | COUNTER_PROPS
#: Controls whose ``value`` is always one of their options once it is one: no clear button,
#: no deselecting (a radio group, a segmented control, tabs).
_UNCLEARABLE = frozenset({
    "dash_core_components.RadioItems", "dash_bootstrap_components.RadioItems",
    "dash_mantine_components.SegmentedControl", "dash_core_components.Tabs",
    "dash_mantine_components.Tabs",
})
#: What lists a control's options: a callback writing it may add a value no branch names.
_OPTION_PROPS = ("options", "data", "children")
#: The helpers that build a ``dcc.Download.data`` (``dcc.send_bytes``...).
_SEND_HELPERS = frozenset({"send_bytes", "send_data_frame", "send_file", "send_string"})


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
    that is a ``children`` (a written-out ``None`` empties the text on purpose) or a
    ``dcc.Store``'s ``data`` the callback also reads as State (it consumes a one-shot value).
    ``None`` of any kind into a callback's only Output when that is a ``dcc.Download``'s
    ``data`` (known from the layout, or from ``dcc.send_*`` on another path): the component
    downloads only truthy data, so ``None`` is no download and no error. ``if x is not None:
    return x`` followed by ``return None``: that None is ``x``'s own value, the function is
    ``return x``.

    Nor paths Dash never takes when the initial call is prevented: an if/elif over
    ``ctx.triggered_id`` (or a local holding it, or the hand-parsed
    ``ctx.triggered[0]["prop_id"].split(".")[0]``) naming every Input always takes a branch,
    so neither its fall-through nor a ``return`` after it is reached; the click count of a
    callback's only Input (written by no callback) is at least 1, so ``if n_clicks > 0:``
    always holds; an if/elif without ``else`` whose every test compares one parameter with
    literals (``==``, ``is``, ``in``, ``.startswith``, ``.endswith``) is read as a dispatch
    over the values the app gives it, unless that parameter is a ``value``, ``pathname``,
    ``search``, ``hash``, ``href`` or a click count (the user types, picks or counts those);
    and a top-level ``if not ctx.triggered_id:`` (or ``not ctx.triggered``, ``is None``) is
    never entered, since every call has a trigger (a page inserting the Input makes it the
    trigger), except with ``ALL``/``ALLSMALLER`` Inputs, which Dash calls once with no trigger
    after their components are removed.

    Nor, initial call or not, the fall-through of an if/elif (``==``, ``in``) naming every
    option of a control that always holds one of them: a ``RadioItems``,
    ``dmc.SegmentedControl`` or ``Tabs`` (a ``dcc.Dropdown`` only with ``clearable=False``,
    not ``multi``) whose layout lists its options and starts on one, and whose options no
    callback rewrites.

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
        if (function is None or is_generator(function)
                or _download_ignores_none(ctx, callback, function)):
            continue
        offset = _line_offset(callback, function.lineno)
        # with the initial call prevented, some Input triggered every call (but the "final
        # call" Dash makes when ALL-pattern Inputs are removed, with no trigger at all)
        exempt = set() if runs_on_load(callback, ctx.app_of(callback)) or any(
            is_list_or_dict_valued(d) for d in callback.inputs if d.is_pattern
        ) else set(no_trigger_returns(function))
        facts = _call_facts(ctx, callback, function)
        # a written-out return after a dispatch chain says the author expects other values:
        # only the trigger and click-count facts make it unreachable
        exempt |= set(unreachable_returns(function, replace(facts, dispatch_subjects=frozenset())))
        exempt |= set(own_none_returns(function))  # `return x` written as a guard
        places = [
            f"{'bare `return`' if node.value is None else '`return None`'}"
            + (f" at line {node.lineno + offset}" if offset is not None else "")
            for node in returns(function)
            if may_be_none(node.value) and node not in exempt
            and not _deliberate_clear(ctx, callback, node.value)
        ]
        if can_fall_off_end(function) and can_fall_off_end_given(function, facts):
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


def _lone_output(callback: Callback) -> Dependency | None:
    """The only Output of a callback that returns one value (not a list of one)."""
    if callback.multi_output or len(callback.outputs) != 1:
        return None
    return callback.outputs[0]


def _deliberate_clear(ctx: LintContext, callback: Callback, value: ast.expr | None) -> bool:
    """A ``None`` written out (``return None``, or ``x if c else None``) into the only Output:
    a ``children``, or a ``dcc.Store``'s ``data`` the callback reads as State (it consumes a
    one-shot value). A bare ``return`` is not written out and stays reported."""
    written_out = value is not None and is_none(value)
    output = _lone_output(callback)
    if output is None or not (written_out or isinstance(value, ast.IfExp)
                              and (is_none(value.body) or is_none(value.orelse))):
        return False
    if output.property in _CLEARED_BY_NONE:
        return True
    return (
        output.property == "data"
        and any(state.key == output.key for state in callback.states)
        # a Store, or an id the walked layouts do not hold (a page's layout, built later)
        and all(c.type.endswith(".Store") for c in ctx.layouts.of(callback).matching(output.id))
    )


def _download_ignores_none(ctx: LintContext, callback: Callback, function: FunctionNode) -> bool:
    """The only Output is a ``dcc.Download``'s ``data``: the component starts a download only
    for truthy data that changed (its ``componentDidUpdate``), so a None is no download and no
    error. Known as a Download from the layout, or from ``dcc.send_*`` in a return."""
    output = _lone_output(callback)
    if output is None or output.property != "data":
        return False
    components = ctx.layouts.of(callback).matching(output.id)
    if components:
        return all(c.type == "dash_core_components.Download" for c in components)
    return any(
        isinstance(node.value, ast.Call)
        and (dotted_name(node.value.func) or "").rsplit(".", 1)[-1] in _SEND_HELPERS
        for node in returns(function)
    )


def _call_facts(ctx: LintContext, callback: Callback, function: FunctionNode) -> CallFacts:
    """What holds on every call when Dash never calls the callback on page load: the trigger
    is one of its Inputs, a lone click counter has counted at least one click, and an if/elif
    chain over a parameter (not one the user types or picks) names the values it takes."""
    choices = _choices(ctx, callback, function)
    if runs_on_load(callback, ctx.app_of(callback)):
        return CallFacts(choices=choices)
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
    dependencies = (*callback.inputs, *callback.states)
    names = list(parameters.values())
    subjects = frozenset(
        name for position, name in parameters.items()
        if position < len(dependencies) and names.count(name) == 1
        and dependencies[position].property not in _OPEN_VALUED
    )
    return CallFacts(trigger_ids, positive, dispatch_subjects=subjects, choices=choices)


def _choices(ctx: LintContext, callback: Callback,
             function: FunctionNode) -> tuple[tuple[str, frozenset], ...]:
    """The parameters holding the ``value`` of a control that always holds one of a fixed set
    of options, with those options (see ``_fixed_options``)."""
    parameters = dependency_parameters(function, callback.arg_grouping) or {}
    dependencies = (*callback.inputs, *callback.states)
    names = list(parameters.values())
    found = []
    for position, name in parameters.items():
        if position < len(dependencies) and names.count(name) == 1:
            options = _fixed_options(ctx, callback, dependencies[position])
            if options:
                found.append((name, options))
    return tuple(found)


def _fixed_options(ctx: LintContext, callback: Callback, dependency: Dependency) -> frozenset:
    """The option values of the control whose ``value`` this is, when it can hold no other:
    a radio group, segmented control or tabs (or a ``dcc.Dropdown`` with ``clearable=False``,
    not ``multi``) whose layout lists its options and starts on one of them, and whose options
    no callback rewrites. Empty when any of that is not known."""
    if dependency.property != "value" or not isinstance(dependency.id, str):
        return frozenset()
    components = ctx.layouts.of(callback).matching(dependency.id)
    if not components or any(
        writers(ctx.graph, f"{dependency.id}.{prop}") for prop in _OPTION_PROPS
    ):
        return frozenset()
    options: set = set()
    for component in components:
        initial = component.initial or {}
        unclearable = component.type in _UNCLEARABLE or (
            component.type == "dash_core_components.Dropdown"
            and initial.get("clearable") is False and not initial.get("multi"))
        if not (unclearable and component.choices and initial.get("value") in component.choices):
            return frozenset()
        options.update(component.choices)
    return frozenset(options)
