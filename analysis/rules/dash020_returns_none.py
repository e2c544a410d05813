"""DASH020 returns-none: a callback with one Output returns None on some path (opt-in)."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.source.flow import is_none, returns
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.rules._none_paths import none_places
from analysis.snapshot import Callback, Dependency
from analysis.source.python import FunctionNode, dotted_name

#: Outputs that ``None`` empties on purpose: a ``children`` of None renders nothing.
_CLEARED_BY_NONE = frozenset({"children"})
#: The helpers that build a ``dcc.Download.data`` (``dcc.send_bytes``...).
_SEND_HELPERS = frozenset({"send_bytes", "send_data_frame", "send_file", "send_string"})


@rule(
    "DASH020",
    "returns-none",
    "warning",
    "a callback with one Output returns None on some path instead of raising PreventUpdate or returning no_update",
    default=False,
    static_note=(
        "reads the function's source as in import mode; a control's options count only when "
        "the layout lists them literally"
    ),
)
def returns_none(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Opt-in (``--select DASH020``): on held-out public apps most of its findings were
    a deliberate clear, not a bug (round 4: 1 true positive in 21 findings).

    Finds server callbacks with one Output that return ``None`` on some path: a bare ``return``,
    ``return None`` (or ``x if c else None``), or running off the end of the function
    (an ``if`` without ``else``, an ``except`` that only logs, a ``match`` without
    ``case _``). Paths that raise (``PreventUpdate`` included) or return ``no_update`` are
    fine; so is a function whose every path raises or returns a value.

    Not reported: ``return None`` or ``x if c else None`` into a callback's only Output when
    that is a ``children`` (a written-out ``None`` empties the text on purpose) or a
    ``dcc.Store``'s ``data`` the callback also reads as State (it consumes a one-shot value).
    ``None`` of any kind into a callback's only Output when that is a ``dcc.Download``'s
    ``data`` (known from the layout, or from ``dcc.send_*`` on another path): the component
    downloads only truthy data, so ``None`` is no download and no error. ``if x is not None:
    return x`` followed by ``return None``: that None is ``x``'s own value, the function is
    ``return x``.

    Nor paths Dash never takes when the initial call is prevented: an if/elif over
    ``ctx.triggered_id`` (or a local holding it, or the hand-parsed
    ``ctx.triggered[0]["prop_id"].split(".")[0]``) naming every Input always takes a branch,
    so neither its fall-through nor a ``return`` after it is reached; the click count of a
    callback's only Input (written by no callback) is at least 1, so ``if n_clicks > 0:``
    always holds; an if/elif without ``else`` whose every test compares one parameter with
    literals (``==``, ``is``, ``in``, ``.startswith``, ``.endswith``) is read as a dispatch
    over the values the app gives it, unless that parameter is a ``value``, ``pathname``,
    ``search``, ``hash``, ``href`` or a click count (the user types, picks or counts those);
    and a top-level ``if not ctx.triggered_id:`` (or ``not ctx.triggered``, ``is None``) is
    never entered, since every call has a trigger (a page inserting the Input makes it the
    trigger), except with ``ALL``/``ALLSMALLER`` Inputs, which Dash calls once with no trigger
    after their components are removed.

    Nor, initial call or not, the fall-through of an if/elif (``==``, ``in``) naming every
    option of a control that always holds one of them: a ``RadioItems``,
    ``dmc.SegmentedControl`` or ``Tabs`` (a ``dcc.Dropdown`` only with ``clearable=False``,
    not ``multi``) whose layout lists its options and starts on one, and whose options no
    callback rewrites.

    ## Why is this bad?
    ``None`` is a value: Dash writes it into the Output, clearing a figure, a table or a
    text the user was looking at. (With several Outputs, ``None`` is not a list at all and
    the callback fails with ``InvalidCallbackReturnValue``: DASH022 reports that.) When the intent is "nothing to do",
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
        # several Outputs: Dash raises on None, which DASH022 reports
        if callback.no_output or not callback.outputs or callback.multi_output:
            continue
        function = ctx.function(callback)
        if function is None or _download_ignores_none(ctx, callback, function):
            continue
        places = none_places(ctx, callback, function,
                             lambda value: _deliberate_clear(ctx, callback, value))
        if places:
            yield returns_none.finding(
                f"{callback_label(callback)} returns None ({'; '.join(places)}): "
                "raise PreventUpdate or return no_update",
                [callback], callback.outputs,
            )


def _lone_output(callback: Callback) -> Dependency | None:
    """The only Output of a callback that returns one value (not a list of one)."""
    if callback.multi_output or len(callback.outputs) != 1:
        return None
    return callback.outputs[0]


def _deliberate_clear(ctx: LintContext, callback: Callback, value: ast.expr | None) -> bool:
    """A ``None`` written out (``return None``, or ``x if c else None``) into the only Output:
    a ``children``, or a ``dcc.Store``'s ``data`` the callback reads as State (it consumes a
    one-shot value). A bare ``return`` is not written out and stays reported."""
    written_out = value is not None and is_none(value)
    output = _lone_output(callback)
    if output is None or not (written_out or isinstance(value, ast.IfExp)
                              and (is_none(value.body) or is_none(value.orelse))):
        return False
    if output.property in _CLEARED_BY_NONE:
        return True
    return (
        output.property == "data"
        and any(state.key == output.key for state in callback.states)
        # a Store, or an id the walked layouts do not hold (a page's layout, built later)
        and all(c.type.endswith(".Store") for c in ctx.layouts.of(callback).matching(output.id))
    )


def _download_ignores_none(ctx: LintContext, callback: Callback, function: FunctionNode) -> bool:
    """The only Output is a ``dcc.Download``'s ``data``: the component starts a download only
    for truthy data that changed (its ``componentDidUpdate``), so a None is no download and no
    error. Known as a Download from the layout, or from ``dcc.send_*`` in a return."""
    output = _lone_output(callback)
    if output is None or output.property != "data":
        return False
    components = ctx.layouts.of(callback).matching(output.id)
    if components:
        return all(c.type == "dash_core_components.Download" for c in components)
    return any(
        isinstance(node.value, ast.Call)
        and (dotted_name(node.value.func) or "").rsplit(".", 1)[-1] in _SEND_HELPERS
        for node in returns(function)
    )
