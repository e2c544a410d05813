"""DASH023 unraised-prevent-update: ``PreventUpdate()`` or ``no_update`` as a statement is never raised or returned."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.source.python import FunctionNode, dotted_name, may_name, own_statements

#: What the statement meant to do with each name (its last dotted part, however imported),
#: and what never happens to it.
_MEANT = {"PreventUpdate": ("raise", "raised"), "no_update": ("return", "returned")}


@rule(
    "DASH023",
    "unraised-prevent-update",
    "error",
    "PreventUpdate() or no_update stands alone as a statement, missing its raise or return",
)
def unraised_prevent_update(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds expression statements in a callback's function that build ``PreventUpdate``
    (``PreventUpdate()``, ``dash.exceptions.PreventUpdate()``, ``exceptions.PreventUpdate``)
    or name ``no_update`` (``no_update``, ``dash.no_update``) and throw the value away.

    ## Why is this bad?
    The exception is never raised, and ``no_update`` never returned: an exception is only
    an exception once raised, and ``no_update`` only skips an Output once returned. Where the
    name resolves, the callback carries on past the line the author meant to stop at, and
    usually writes ``None`` or a half-built value into its Outputs (with several Outputs,
    Dash then raises ``InvalidCallbackReturnValue``). Where it does not
    (``dash.exceptions.PreventUpdate`` in a module that never imported ``dash``), the line
    itself raises ``NameError`` and the request fails with a server error.

    ## Example
    ```python
    @callback(Output("table", "data"), Input("upload", "contents"), State("url", "pathname"))
    def load(contents, pathname):
        if pathname != "/upload":
            dash.exceptions.PreventUpdate()
        return parse(contents)
    ```

    ## Use instead
    ```python
    @callback(Output("table", "data"), Input("upload", "contents"), State("url", "pathname"))
    def load(contents, pathname):
        if pathname != "/upload":
            raise dash.exceptions.PreventUpdate
        return parse(contents)
    ```
    """
    for callback in ctx.callbacks:
        # ``_thrown_away`` matches these names only: a body without them is not parsed
        if not may_name(callback.source, tuple(_MEANT)):
            continue
        function = ctx.function(callback)
        if function is None:
            continue
        from analysis.rules._none_paths import line_offset  # here: see _MEANT's test above

        offset = line_offset(callback, function.lineno)
        for statement, name in _thrown_away(function):
            line = statement.lineno + offset if offset is not None else None
            code = ast.unparse(statement.value)
            meant, never = _MEANT[name]
            yield unraised_prevent_update.finding(
                f"{callback_label(callback)} has `{code}` as a statement"
                + (f" at line {line}" if line is not None else "")
                + f": it is never {never}; `{meant} {code}` was meant",
                [callback], callback.outputs,
                file=callback.file if line is not None else None, line=line,
            )


def _thrown_away(function: FunctionNode) -> Iterator[tuple[ast.Expr, str]]:
    """The function's own expression statements (not those of nested functions or classes)
    whose value is ``PreventUpdate``/``PreventUpdate(...)`` or ``no_update``, with that name."""
    for node in own_statements(function):  # statements only: no expression is visited
        if isinstance(node, ast.Expr):
            value = node.value
            target = value.func if isinstance(value, ast.Call) else value
            name = (dotted_name(target) or "").rsplit(".", 1)[-1]
            if name == "PreventUpdate" or (name == "no_update" and target is value):
                yield node, name
