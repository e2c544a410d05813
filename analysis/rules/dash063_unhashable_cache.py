"""DASH063 unhashable-cache: ``lru_cache`` meets a list/dict-valued prop and raises TypeError."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.dash_props import is_list_or_dict_valued
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label, dependency_label
from analysis.layouts import AppLayouts
from analysis.snapshot import Callback, Dependency
from analysis.source.python import FunctionNode, all_nodes, calls, may_name
from analysis.source.signature import dependency_parameters, inner_decorator_names, is_lru_cache


@rule(
    "DASH063",
    "unhashable-cache",
    "error",
    "functools.lru_cache/cache gets a list/dict-valued prop (figure, data, a Checklist value...)",
    static_note=(
        "a cache-wrapped helper counts when the source binds it by a decorator or a literal "
        "lru_cache(...)(f) at module level"
    ),
)
def unhashable_cache(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds ``functools.lru_cache``/``functools.cache`` applied to a callback whose Inputs or
    States hold lists or dicts (``figure``, ``data``, ``selectedData``, ``clickData``,
    ``columns``, a ``Checklist``'s ``value``, any ``ALL`` pattern Input...), and callbacks that
    pass such a value straight into an ``lru_cache`` helper of the same module. Passing
    ``tuple(value)``, ``json.dumps(value)`` or a string is fine.

    ## Why is this bad?
    ``lru_cache`` hashes its arguments; a list or dict raises ``TypeError: unhashable type``.
    The callback works while the value is ``None`` or a string (often on page load) and fails
    as soon as the user selects something.

    ## Example
    ```python
    @callback(Output("summary", "children"), Input("regions", "value"))  # a dcc.Checklist
    @functools.lru_cache(maxsize=32)
    def summarise(regions):
        return expensive_summary(regions)
    ```

    ## Use instead
    ```python
    @functools.lru_cache(maxsize=32)
    def cached_summary(regions: tuple[str, ...]):
        return expensive_summary(regions)

    @callback(Output("summary", "children"), Input("regions", "value"))
    def summarise(regions):
        return cached_summary(tuple(regions or ()))
    ```
    """
    index = ctx.layouts
    for callback in ctx.callbacks:
        helpers = _cached_helpers(ctx, callback)
        if not helpers and not any(is_lru_cache(name) for name in callback.wrappers) \
                and not may_name(callback.source, ("cache",)):  # lru_cache's name has it too
            continue  # no cache in sight: the body is not parsed (most callbacks)
        function = ctx.function(callback)
        if function is None or function.name != callback.name:
            continue
        decorators = [*callback.wrappers, *inner_decorator_names(function)]
        cached_itself = any(is_lru_cache(name) for name in decorators)
        if not cached_itself and not helpers:
            continue  # nothing here hashes its arguments: no need to look at value types
        unhashable = _unhashable_dependencies(callback, index.of(callback))
        if not unhashable:
            continue
        if cached_itself:
            listed = ", ".join(dependency_label(d) for d in unhashable.values())
            yield unhashable_cache.finding(
                f"callback {callback_label(callback)} is lru_cache'd but receives list/dict values: "
                f"{listed}",
                [callback], unhashable.values(),
            )
            continue
        passed = sorted(_passed_to_helpers(callback, function, helpers, unhashable))
        if passed:
            listed = ", ".join(f"{param}->{helper}()" for helper, param in passed)
            yield unhashable_cache.finding(
                f"callback {callback_label(callback)} passes list/dict values to lru_cache'd helpers: "
                f"{listed}",
                [callback],
            )


def _unhashable_dependencies(callback: Callback, layouts: AppLayouts) -> dict[int, Dependency]:
    """Index (into inputs + states) -> dependency, for the list/dict-valued ones."""
    found = {}
    for index, dependency in enumerate((*callback.inputs, *callback.states)):
        types = tuple(sorted({c.type for c in layouts.matching(dependency.id)}))
        if is_list_or_dict_valued(dependency, types):
            found[index] = dependency
    return found


def _cached_helpers(ctx: LintContext, callback: Callback) -> set[str]:
    """Names of the lru_cache'd callables the callback's module sees (from the probe)."""
    prefix = f"{callback.module}."
    return {name[len(prefix):] for name in ctx.snapshot.cached_functions
            if callback.module and name.startswith(prefix) and "." not in name[len(prefix):]}


def _passed_to_helpers(callback: Callback, function: FunctionNode, helpers: set[str],
                       unhashable: dict[int, Dependency]) -> Iterator[tuple[str, str]]:
    """(helper, parameter) for each call handing a list/dict-valued parameter on as it is."""
    if not helpers:
        return
    grouping = callback.arg_grouping
    if callback.background and callback.progress and not isinstance(grouping, dict):
        # set_progress takes the first positional parameter
        grouping = [None, *(grouping if isinstance(grouping, list) else [grouping])]
    parameters = dependency_parameters(function, grouping)
    if not parameters:
        return
    rebound = {  # `value = tuple(value)` makes the later call safe
        node.id for node in all_nodes(function)
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del))
    }
    risky = {parameters[i] for i in unhashable if i in parameters} - rebound
    for name, call in calls(function):
        if name not in helpers:
            continue
        for argument in [*call.args, *(k.value for k in call.keywords)]:
            if isinstance(argument, ast.Name) and argument.id in risky:
                yield name, argument.id
