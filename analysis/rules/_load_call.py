"""How a callback body tells Dash's page-load call apart (shared by DASH010 and DASH011)."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.snapshot import Callback
from analysis.source.python import FunctionNode, TRIGGER_ATTRIBUTES, all_nodes, names_derived_from
from analysis.source.signature import dependency_parameters


def input_parameters(function: FunctionNode, callback: Callback) -> set[str]:
    """The parameters receiving the callback's Inputs (every positional one when the
    signature cannot be matched to the dependencies)."""
    parameters = dependency_parameters(function, callback.arg_grouping)
    if parameters is None:
        return {a.arg for a in function.args.posonlyargs + function.args.args}
    return {parameters[i] for i in range(len(callback.inputs)) if i in parameters}


def tells_load_call_apart(function: FunctionNode, watched: set[str]) -> bool:
    """True when an ``if`` / conditional expression / ``while`` / ``assert`` / ``match`` tests
    one of ``watched`` or ``ctx.triggered`` / ``triggered_id`` (empty on load), directly or
    through a local read from them (``button = ctx.triggered_id`` then ``if button:``)."""
    tests = list(_tests(function))
    if any(_tests_event(test, watched) for test in tests):
        return True  # a test reads an Input itself: no need to follow assignments
    names = names_derived_from(function, watched) if tests else watched
    return any(_tests_event(test, names) for test in tests)


def _tests(function: FunctionNode) -> Iterator[ast.expr]:
    """Every condition the function evaluates: if/while/assert tests, match subjects and guards."""
    for node in all_nodes(function):
        if isinstance(node, (ast.If, ast.IfExp, ast.While, ast.Assert)):
            yield node.test
        elif isinstance(node, ast.Match):
            yield node.subject
        elif isinstance(node, ast.match_case) and node.guard is not None:
            yield node.guard


def _tests_event(test: ast.expr, watched: set[str]) -> bool:
    for node in ast.walk(test):
        if isinstance(node, ast.Name) and node.id in watched:
            return True
        if isinstance(node, ast.Attribute) and node.attr in TRIGGER_ATTRIBUTES:
            return True
    return False
