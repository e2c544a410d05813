"""DASH020 returns-none: a callback with Outputs returns None on some path."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.source.flow import can_fall_off_end, is_generator, may_be_none, returns
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.snapshot import Callback


@rule(
    "DASH020",
    "returns-none",
    "warning",
    "a callback with Outputs returns None on some path instead of raising PreventUpdate or returning no_update",
)
def returns_none(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds server callbacks with Outputs that return ``None`` on some path: a bare ``return``,
    ``return None`` (or ``x if c else None``), or running off the end of the function
    (an ``if`` without ``else``, an ``except`` that only logs, a ``match`` without
    ``case _``). Paths that raise (``PreventUpdate`` included) or return ``no_update`` are
    fine; so is a function whose every path raises or returns a value.

    ## Why is this bad?
    ``None`` is a value: Dash writes it into the Output, clearing a figure, a table or a
    text the user was looking at. With several Outputs, ``None`` is not a list at all and the
    callback fails with ``InvalidCallbackReturnValue``. When the intent is "nothing to do",
    ``raise PreventUpdate`` skips every Output and ``no_update`` skips one. If you do mean to
    clear a property, return the empty value explicitly and mark the line ``# noqa: DASH020``.

    ## Example
    ```python
    @callback(Output("graph", "figure"), Input("country", "value"))
    def plot(country):
        if country:
            return make_figure(country)
    ```

    ## Use instead
    ```python
    @callback(Output("graph", "figure"), Input("country", "value"))
    def plot(country):
        if not country:
            raise PreventUpdate
        return make_figure(country)
    ```
    """
    for callback in ctx.callbacks:
        if callback.no_output or not callback.outputs:
            continue
        function = ctx.function(callback)
        if function is None or is_generator(function):
            continue
        offset = _line_offset(callback, function.lineno)
        places = [
            f"{'bare `return`' if node.value is None else '`return None`'}"
            + (f" at line {node.lineno + offset}" if offset is not None else "")
            for node in returns(function)
            if may_be_none(node.value)
        ]
        if can_fall_off_end(function):
            places.append("falls off the end")
        if places:
            yield returns_none.finding(
                f"{callback_label(callback)} returns None ({'; '.join(places)}): "
                "raise PreventUpdate or return no_update",
                [callback], callback.outputs,
            )


def _line_offset(callback: Callback, def_lineno: int) -> int | None:
    """What to add to a line of the parsed source to get the line in the file."""
    if callback.def_line:
        return callback.def_line - def_lineno
    return callback.line - 1 if callback.line else None
