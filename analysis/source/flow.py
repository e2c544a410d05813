"""What a callback function returns: its return statements and whether it can fall off the end."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.source.python import FunctionNode, body_nodes, dotted_name, per_function

#: Calls that never return (the process or the request ends).
_NO_RETURN_CALLS = frozenset({"sys.exit", "exit", "quit", "os._exit", "abort", "flask.abort"})
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


@per_function
def returns(function: FunctionNode) -> list[ast.Return]:
    """The function's own ``return`` statements (nested functions excluded).

    >>> from analysis.source.python import parse_function
    >>> len(returns(parse_function("def f(a):\\n    def g():\\n        return 1\\n    return a")))
    1
    """
    return [node for node in body_nodes(function) if isinstance(node, ast.Return)]


@per_function
def is_generator(function: FunctionNode) -> bool:
    """True when the function's own body yields."""
    return any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in body_nodes(function))


def is_none(node: ast.AST | None) -> bool:
    """True for a missing return value or the literal ``None``."""
    return node is None or (isinstance(node, ast.Constant) and node.value is None)


def may_be_none(node: ast.AST | None) -> bool:
    """True for ``None`` or a conditional expression with a ``None`` branch.

    >>> may_be_none(ast.parse("x if c else None", mode="eval").body)
    True
    """
    if isinstance(node, ast.IfExp):
        return may_be_none(node.body) or may_be_none(node.orelse)
    return is_none(node)


def is_no_update(node: ast.AST | None) -> bool:
    """True for ``no_update`` / ``dash.no_update`` / ``NoUpdate()``.

    >>> is_no_update(ast.parse("dash.no_update", mode="eval").body)
    True
    """
    if isinstance(node, ast.Call):
        node = node.func
    name = dotted_name(node) if node is not None else None
    return bool(name) and name.rsplit(".", 1)[-1] in ("no_update", "NoUpdate")


@per_function
def can_fall_off_end(function: FunctionNode) -> bool:
    """True when some path reaches the end of the body without ``return`` or ``raise``.

    Understands if/else (constant tests too), ``while True`` without ``break``, for/while
    ``else``, try/except/else/finally, ``with``, ``match`` (a ``case _`` ends it), ``assert
    False`` and calls that never return (``sys.exit``, ``flask.abort``).

    >>> from analysis.source.python import parse_function
    >>> can_fall_off_end(parse_function("def f(a):\\n    if a:\\n        return 1"))
    True
    >>> can_fall_off_end(parse_function("def f(a):\\n    while True:\\n        pass"))
    False
    """
    return _block_completes(function.body)


def _block_completes(statements: list[ast.stmt]) -> bool:
    return all(_completes(statement) for statement in statements)


def _completes(node: ast.stmt) -> bool:
    """Whether execution can continue after this statement."""
    if isinstance(node, (ast.Return, ast.Raise, ast.Break, ast.Continue)):
        return False
    if isinstance(node, ast.Assert):
        return _constant_truth(node.test) is not False
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        return dotted_name(node.value.func) not in _NO_RETURN_CALLS
    if isinstance(node, ast.If):
        truth = _constant_truth(node.test)
        if truth is True:
            return _block_completes(node.body)
        if truth is False:
            return _block_completes(node.orelse)
        return _block_completes(node.body) or _block_completes(node.orelse)
    if isinstance(node, ast.While) and _constant_truth(node.test) is True:
        return _has_break(node)
    if isinstance(node, _LOOPS):
        return _has_break(node) or _block_completes(node.orelse)
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return _block_completes(node.body)
    if isinstance(node, (ast.Try, ast.TryStar)):
        if not _block_completes(node.finalbody):
            return False
        normal = _block_completes(node.body) and _block_completes(node.orelse)
        return normal or any(_block_completes(h.body) for h in node.handlers)
    if isinstance(node, ast.Match):
        if any(_block_completes(case.body) for case in node.cases):
            return True
        return not any(_irrefutable(case) for case in node.cases)
    return True


def _constant_truth(node: ast.expr) -> bool | None:
    if isinstance(node, ast.Constant):
        return bool(node.value)
    return None


def _irrefutable(case: ast.match_case) -> bool:
    pattern = case.pattern
    while isinstance(pattern, ast.MatchAs) and pattern.pattern is not None:
        pattern = pattern.pattern
    return case.guard is None and isinstance(pattern, ast.MatchAs)


def _has_break(loop: ast.stmt) -> bool:
    """True when a ``break`` leaves this loop (breaks of nested loops do not)."""
    return any(isinstance(n, ast.Break) for n in _loop_own_nodes(loop.body))


def _loop_own_nodes(statements: list[ast.stmt]) -> Iterator[ast.AST]:
    stack: list[ast.AST] = list(statements)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, _LOOPS):
            stack.extend(node.orelse)  # a break in the else belongs to the outer loop
            continue
        if isinstance(node, _SCOPES):
            continue
        stack.extend(ast.iter_child_nodes(node))


def is_refusal(statement: ast.stmt) -> bool:
    """True for ``raise PreventUpdate`` or returning ``no_update`` (for one or every Output).

    >>> is_refusal(ast.parse("return no_update, dash.no_update").body[0])
    True
    """
    if isinstance(statement, ast.Raise) and statement.exc is not None:
        exc = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
        return (dotted_name(exc) or "").endswith("PreventUpdate")
    if isinstance(statement, ast.Return):
        value = statement.value
        if isinstance(value, (ast.Tuple, ast.List)) and value.elts:
            return all(is_no_update(e) for e in value.elts)
        return is_no_update(value)
    return False
