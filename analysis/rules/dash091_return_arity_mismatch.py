"""DASH091 return-arity-mismatch: a multi-output callback returns a literal of the wrong length."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
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
    list (that list is the value). Nested or dict ``output=`` groupings are skipped.

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
            yield return_arity_mismatch.finding(
                f"callback {callback_label(callback)} has {expected} Outputs but returns {got} values",
                [callback], callback.outputs,
            )


def literal_return_lengths(function: FunctionNode) -> Iterator[int]:
    """The length of each ``return`` of a tuple/list literal (no ``*spread``) in the body."""
    for node in body_nodes(function):
        if isinstance(node, ast.Return) and isinstance(node.value, (ast.Tuple, ast.List)):
            if not any(isinstance(e, ast.Starred) for e in node.value.elts):
                yield len(node.value.elts)


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
