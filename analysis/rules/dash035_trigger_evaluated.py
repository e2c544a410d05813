"""DASH035 trigger-evaluated: ``eval``/``exec`` of a value taken from ctx.triggered (request data)."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import at_line, callback_label
from analysis.source.python import FunctionNode, all_nodes, dotted_name
from analysis.source.triggers import reads_request

#: Builtins that run a string as Python code (``ast.literal_eval`` does not, and is not here).
_EVALUATORS = frozenset({"eval", "exec", "builtins.eval", "builtins.exec"})


@rule(
    "DASH035",
    "trigger-evaluated",
    "error",
    "a callback passes ctx.triggered / triggered_id / ctx.inputs text to eval or exec: "
    "any client can make the server run code",
)
def trigger_evaluated(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds server callbacks that call ``eval(...)`` or ``exec(...)`` on a value taken from
    the callback context's request data: ``callback_context.triggered`` (its ``prop_id``),
    ``ctx.triggered_id``, ``ctx.triggered_prop_ids``, the keys or values of ``ctx.inputs`` /
    ``ctx.states`` and their lists, directly or through local names.

    ## Why is this bad?
    Dash builds those values from the body of the ``/_dash-update-component`` request as the
    client sent it: ``triggered`` is ``changedPropIds``, unchecked against the callback's
    Inputs (Dash 4.4.1, ``Dash._initialize_context``). Anyone who can load the page can
    POST a ``changedPropIds`` entry holding any Python expression, and the server evaluates
    it: remote code execution. The usual intent, getting a pattern-matching id back as a
    dict, has an exact and safe spelling. A test
    (tests/browser/test_trigger_eval.py) sends such a request to a running app and watches
    the expression run.

    ## Example
    ```python
    @callback(Output("rows", "children"),
              Input({"type": "delete", "index": ALL}, "n_clicks"), State("rows", "children"),
              prevent_initial_call=True)
    def delete(clicks, rows):
        index = eval(ctx.triggered[0]["prop_id"].replace(".n_clicks", ""))["index"]
        return [row for row in rows if row["props"]["id"]["index"] != index]
    ```

    ## Use instead
    ```python
        index = ctx.triggered_id["index"]  # or json.loads(prop_id.rpartition(".")[0])
    ```
    """
    for callback in ctx.callbacks:
        source = callback.source or ""
        if "eval" not in source and "exec" not in source:  # cheap: most callbacks have neither
            continue
        function = ctx.function(callback)
        if function is None:
            continue
        call = evaluated_request(function)
        if call is None:
            continue
        at = at_line(callback, function.lineno, call.lineno)
        yield trigger_evaluated.finding(
            f"{callback_label(callback)} runs {dotted_name(call.func)}() on request data from "
            f"callback_context (`{_short(call)}`{at}): Dash passes the request's changedPropIds "
            f"and inputs through unchecked, so any client can make the server run code: "
            f"use ctx.triggered_id (or json.loads)", [callback])


def evaluated_request(function: FunctionNode) -> ast.Call | None:
    """The first ``eval``/``exec`` call whose argument reads request data, else None.

    >>> from analysis.source.python import parse_function
    >>> src = ("def f(n):\\n    t = ctx.triggered[0]['prop_id']\\n"
    ...        "    return eval(t.replace('.n_clicks', ''))['index']")
    >>> ast.unparse(evaluated_request(parse_function(src)))
    "eval(t.replace('.n_clicks', ''))"
    >>> evaluated_request(parse_function("def f(n):\\n    return eval('1 + 1')")) is None
    True
    """
    found = [node for node in all_nodes(function)
             if isinstance(node, ast.Call) and dotted_name(node.func) in _EVALUATORS
             and node.args and reads_request(node.args[0], function)]
    return min(found, key=lambda n: (n.lineno, n.col_offset)) if found else None


def _short(call: ast.Call) -> str:
    text = ast.unparse(call)
    return text if len(text) <= 80 else text[:77] + "..."
