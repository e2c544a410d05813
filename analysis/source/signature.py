"""How Dash calls a callback's function: argument binding, signature and decorators."""

from __future__ import annotations

import ast
import inspect

from analysis.source.python import FunctionNode, dotted_name, per_function


def dependency_parameters(function: FunctionNode, grouping: object) -> dict[int, str] | None:
    """Which parameter receives each Input/State (index into ``inputs + states``).

    ``grouping`` is ``Callback.arg_grouping`` (Dash's ``inputs_state_indices``): an int, a list
    (positional arguments; extra ones land in ``*args``) or a dict (keyword arguments). A
    nested grouping maps every index inside it to the parameter that receives the group.
    None when the mapping cannot be known (no grouping, or more arguments than parameters).

    >>> from analysis.source.python import parse_function
    >>> dependency_parameters(parse_function("def f(n, v):\\n    pass"), [0, 1])
    {0: 'n', 1: 'v'}
    >>> dependency_parameters(parse_function("def f(**kw):\\n    pass"), {"a": 1})
    {1: 'kw'}
    """
    arguments = function.args
    positional = [a.arg for a in arguments.posonlyargs + arguments.args]
    if isinstance(grouping, dict):
        keyword_names = {a.arg for a in arguments.args + arguments.kwonlyargs}
        found: dict[int, str] = {}
        for name, group in grouping.items():
            if name in keyword_names:
                target = name
            elif arguments.kwarg is not None:
                target = arguments.kwarg.arg
            else:
                return None
            found.update((index, target) for index in _grouping_indices(group))
        return found
    if isinstance(grouping, int):
        grouping = [grouping]
    if not isinstance(grouping, list):
        return None
    found = {}
    for position, group in enumerate(grouping):
        if position < len(positional):
            target = positional[position]
        elif arguments.vararg is not None:
            target = arguments.vararg.arg
        else:
            return None
        found.update((index, target) for index in _grouping_indices(group))
    return found


def _grouping_indices(group: object) -> list[int]:
    if isinstance(group, bool):
        return []
    if isinstance(group, int):
        return [group]
    if isinstance(group, (list, tuple)):
        return [i for item in group for i in _grouping_indices(item)]
    if isinstance(group, dict):
        return [i for item in group.values() for i in _grouping_indices(item)]
    return []


@per_function
def callback_decorator_index(function: FunctionNode) -> int | None:
    """Position in ``decorator_list`` of the Dash callback decorator (``@callback(...)``,
    ``@app.callback(...)``, ``@dash.callback(...)``), or None when there is none.

    >>> from analysis.source.python import parse_function
    >>> f = parse_function("@lru_cache\\n@app.callback(Output('a', 'b'))\\ndef f(x): pass")
    >>> callback_decorator_index(f)
    1
    """
    for position, decorator in enumerate(function.decorator_list):
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = dotted_name(target) or ""
        if name.rsplit(".", 1)[-1] in ("callback", "long_callback"):
            return position
    return None


@per_function
def inner_decorator_names(function: FunctionNode) -> list[str]:
    """Dotted names of the decorators applied before Dash registers the function (those
    below the callback decorator); a called decorator is named by its callee.

    >>> from analysis.source.python import parse_function
    >>> f = parse_function("@lru_cache\\n@callback(Output('a', 'b'))\\n@cache\\ndef f(x): pass")
    >>> inner_decorator_names(f)
    ['cache']
    """
    position = callback_decorator_index(function)
    below = function.decorator_list[position + 1 :] if position is not None else []
    names = []
    for decorator in below:
        name = dotted_name(decorator.func if isinstance(decorator, ast.Call) else decorator)
        if name:
            names.append(name)
    return names


def signature_of(function: FunctionNode) -> inspect.Signature:
    """An ``inspect.Signature`` with the function's parameter kinds and which have defaults
    (default values are placeholders), so ``Signature.bind`` answers "can Dash call it?".

    >>> from analysis.source.python import parse_function
    >>> sig = signature_of(parse_function("def f(a, b=1, *rest, c, **kw): pass"))
    >>> str(sig)
    "(a, b='<default>', *rest, c, **kw)"
    """
    spec = function.args
    positional = list(spec.posonlyargs) + list(spec.args)
    first_default = len(positional) - len(spec.defaults)
    kind = inspect.Parameter
    parameters = []
    for position, arg in enumerate(positional):
        parameters.append(
            kind(
                arg.arg,
                kind.POSITIONAL_ONLY if position < len(spec.posonlyargs) else kind.POSITIONAL_OR_KEYWORD,
                default="<default>" if position >= first_default else kind.empty,
            )
        )
    if spec.vararg:
        parameters.append(kind(spec.vararg.arg, kind.VAR_POSITIONAL))
    for arg, default in zip(spec.kwonlyargs, spec.kw_defaults):
        parameters.append(
            kind(arg.arg, kind.KEYWORD_ONLY, default=kind.empty if default is None else "<default>")
        )
    if spec.kwarg:
        parameters.append(kind(spec.kwarg.arg, kind.VAR_KEYWORD))
    return inspect.Signature(parameters)


def is_lru_cache(name: str) -> bool:
    """True for a decorator/wrapper name that is ``functools.lru_cache`` or ``functools.cache``
    (both hash every argument). Other caches (``cache.memoize()`` etc.) are not.

    >>> [is_lru_cache(n) for n in ("lru_cache", "functools.cache", "cache", "cache.memoize")]
    [True, True, True, False]
    """
    last = name.rsplit(".", 1)[-1]
    if last in ("lru_cache", "_lru_cache_wrapper"):
        return True
    return last == "cache" and name in ("cache", "functools.cache")
