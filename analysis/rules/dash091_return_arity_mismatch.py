"""DASH091 return-arity-mismatch: a multi-output callback returns a literal of the wrong length."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import told_apart
from analysis.source.python import FunctionNode, body_nodes
from analysis.source.signature import callback_decorator_index


@rule(
    "DASH091",
    "return-arity-mismatch",
    "error",
    "a multi-output callback returns a tuple/list literal of the wrong length",
)
def return_arity_mismatch(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    For callbacks whose Outputs are a list (``[Output(...), Output(...)]``, or several Outputs
    passed one by one), compares each ``return a, b, c`` / ``return [a, b]`` literal in the
    function with the number of Outputs. Returns of ``no_update``, of variables or of calls,
    and ``raise PreventUpdate`` are not judged; a callback with a single Output may return a
    list (that list is the value). Nested or dict ``output=`` groupings are skipped. A return
    chosen by comparing a name the function never binds with a constant (``if winding ==
    "at":``, a factory's argument) is not judged either, nor the code after such an ``if``
    that returns: one registration of a factory takes one branch for good, and its Outputs
    often follow the same argument.

    ## Why is this bad?
    Dash checks the length only when the callback runs: that path of the callback then fails
    with ``InvalidCallbackReturnValue`` ("Invalid number of output values") and updates
    nothing -- typically a rarely taken branch, found by users rather than by tests.

    ## Example
    ```python
    @callback(Output("title", "children"), Output("chart", "figure"), Output("note", "children"),
              Input("year", "value"))
    def update(year):
        if year is None:
            return "No year", {}
        return f"Year {year}", make_figure(year), ""
    ```

    ## Use instead
    ```python
    @callback(Output("title", "children"), Output("chart", "figure"), Output("note", "children"),
              Input("year", "value"))
    def update(year):
        if year is None:
            return "No year", {}, no_update
        return f"Year {year}", make_figure(year), ""
    ```
    """
    names: dict[int, str] | None = None  # a factory's registrations told apart by Outputs
    for callback in ctx.callbacks:
        if not callback.multi_output or callback.no_output or callback.kind != "server":
            continue
        function = ctx.function(callback)
        if function is None or function.name != callback.name or not _flat_outputs(function):
            continue
        expected = len(callback.outputs)
        wrong = sorted({n for n in literal_return_lengths(function) if n != expected})
        if wrong:
            got = " or ".join(str(n) for n in wrong)
            names = names if names is not None else told_apart(ctx.callbacks)
            yield return_arity_mismatch.finding(
                f"callback `{names[callback.index]}` has {expected} Outputs but returns {got} values",
                [callback], callback.outputs,
            )


def literal_return_lengths(function: FunctionNode) -> Iterator[int]:
    """The length of each ``return`` of a tuple/list literal (no ``*spread``) in the body,
    less the returns one registration may never reach (``registration_branch_returns``)."""
    skipped = registration_branch_returns(function)
    for node in body_nodes(function):
        if isinstance(node, ast.Return) and isinstance(node.value, (ast.Tuple, ast.List)):
            if id(node) not in skipped and not any(isinstance(e, ast.Starred)
                                                   for e in node.value.elts):
                yield len(node.value.elts)


def registration_branch_returns(function: FunctionNode) -> set[int]:
    """``id()`` of the returns inside an ``if`` that compares a name the function never binds
    (a factory's argument, fixed per registration) with a constant, and of those after such an
    ``if`` whose body ends in a return (its implicit else).

    >>> from analysis.source.python import parse_function
    >>> f = parse_function("def f(kv):\\n    if w == 'at':\\n        return 1, 2\\n"
    ...                    "    if kv is None:\\n        return 3, 4\\n    return 5, 6, 7")
    >>> sorted(n.lineno for n in body_nodes(f) if id(n) in registration_branch_returns(f))
    [3, 5, 6]
    """
    bound = {a.arg for a in (*function.args.posonlyargs, *function.args.args,
                             *function.args.kwonlyargs, function.args.vararg,
                             function.args.kwarg) if a is not None}
    bound.update(n.id for n in body_nodes(function)
                 if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load))
    found: set[int] = set()

    def mark(statements: list[ast.stmt]) -> None:
        for statement in statements:
            found.update(id(n) for n in ast.walk(statement) if isinstance(n, ast.Return))

    def visit(statements: list[ast.stmt]) -> None:
        for position, statement in enumerate(statements):
            if isinstance(statement, ast.If) and _fixed_test(statement.test, bound):
                mark([statement])
                if statement.body and isinstance(statement.body[-1], ast.Return):
                    mark(statements[position + 1:])
                    return
                continue
            for field in ("body", "orelse", "finalbody"):
                visit(getattr(statement, field, None) or [])
            for handler in getattr(statement, "handlers", None) or []:
                visit(handler.body)

    visit(function.body)
    return found


def _fixed_test(test: ast.expr, bound: set[str]) -> bool:
    """``name == "at"`` / ``name != 2`` / ``name in ("a", "b")``, ``name`` never bound here."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1
            and isinstance(test.ops[0], (ast.Eq, ast.NotEq, ast.In, ast.NotIn))):
        return False
    sides = (test.left, test.comparators[0])
    names = [s for s in sides if isinstance(s, ast.Name)]
    constants = [s for s in sides if isinstance(s, ast.Constant) or (
        isinstance(s, (ast.Tuple, ast.List, ast.Set))
        and all(isinstance(e, ast.Constant) for e in s.elts))]
    return len(names) == 1 and len(constants) == 1 and names[0].id not in bound


def _flat_outputs(function: FunctionNode) -> bool:
    """False when the decorator groups Outputs (a dict, or a list inside a list): the top level
    of the return value then need not have one item per Output. A dict grouping returns a dict,
    which is never judged; names (``OUTPUTS``) are taken as flat lists."""
    position = callback_decorator_index(function)
    if position is None:
        return True  # registered by a call: flat Outputs are the common case
    decorator = function.decorator_list[position]
    if not isinstance(decorator, ast.Call):
        return True
    given = [*decorator.args, *(k.value for k in decorator.keywords if k.arg == "output")]
    for node in given:
        if _is_group(node):
            return False
        if isinstance(node, (ast.List, ast.Tuple)) and any(
            _is_group(e) or isinstance(e, (ast.List, ast.Tuple)) for e in node.elts
        ):
            return False
    return True


def _is_group(node: ast.AST) -> bool:
    """A dict display or ``dict(...)``: a dict grouping of dependencies."""
    if isinstance(node, ast.Dict):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
        return True
    return False
