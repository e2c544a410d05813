"""Where a callback returns None on a path Dash can take: shared by DASH020 and DASH022."""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import Callable

from analysis.context import LintContext
from analysis.dash_props import COUNTER_PROPS, is_list_or_dict_valued, runs_on_load
from analysis.graph import writers
from analysis.snapshot import Callback, Dependency
from analysis.source.flow import (
    CallFacts, can_fall_off_end, can_fall_off_end_given, is_generator, may_be_none, no_trigger_returns,
    own_none_returns, returns, unreachable_returns,
)
from analysis.source.python import FunctionNode
from analysis.source.signature import dependency_parameters

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


def none_places(
    ctx: LintContext, callback: Callback, function: FunctionNode,
    deliberate: Callable[[ast.expr | None], bool] = lambda value: False,
) -> list[str]:
    """Where the function returns None on a path Dash can take, described for a message
    (``bare `return` at line 12``, ``falls off the end``); ``deliberate`` says which returned
    values the caller's rule accepts. None for a generator: it never returns None itself."""
    if is_generator(function):
        return []
    offset = line_offset(callback, function.lineno)
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
        if may_be_none(node.value) and node not in exempt and not deliberate(node.value)
    ]
    if can_fall_off_end(function) and can_fall_off_end_given(function, facts):
        places.append("falls off the end")
    return places


def line_offset(callback: Callback, def_lineno: int) -> int | None:
    """What to add to a line of the parsed source to get the line in the file."""
    if callback.def_line:
        return callback.def_line - def_lineno
    return callback.line - 1 if callback.line else None


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
