"""Static views of a callback's Python source, for rules that read the function body."""

from __future__ import annotations

import ast
import textwrap
from typing import Iterator

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


def parse_function(source: str | None) -> FunctionNode | None:
    """The first function definition in ``source`` (decorators included), or None.

    >>> parse_function("@cb\\ndef f(a):\\n    return a").name
    'f'
    """
    if not source:
        return None
    try:
        tree = ast.parse(textwrap.dedent(source))
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return node
    return None


def dotted_name(node: ast.AST) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, else None.

    >>> dotted_name(ast.parse("time.sleep", mode="eval").body)
    'time.sleep'
    """
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def body_nodes(function: FunctionNode) -> Iterator[ast.AST]:
    """Every node of the function's own body: nested functions and classes excluded."""
    stack: list[ast.AST] = list(reversed(function.body))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def calls(function: FunctionNode) -> Iterator[tuple[str, ast.Call]]:
    """(dotted callee name, call node) for each call in the function's own body."""
    for node in body_nodes(function):
        if isinstance(node, ast.Call):
            name = dotted_name(node.func)
            if name:
                yield name, node
