"""DASH022 multi-output-returns-none: a callback with several Outputs returns None on some path (opt-in)."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.rules._none_paths import none_places


@rule(
    "DASH022",
    "multi-output-returns-none",
    "error",
    "a callback with several Outputs returns None on some path, and Dash raises InvalidCallbackReturnValue",
    default=False,
    static_note=(
        "reads the function's source as in import mode; a control's options count only when "
        "the layout lists them literally"
    ),
)
def multi_output_returns_none(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds server callbacks declared with several Outputs (or a list of Outputs) that return
    ``None`` on some path: a bare ``return``, ``return None`` (or ``x if c else None``), or
    running off the end of the function. Paths Dash never takes are left out, as for
    DASH020: an if/elif over every trigger or every option of a control that always holds
    one, a lone click count tested positive, a "no trigger" guard when the initial call is
    prevented, ``if x is not None: return x`` before the ``return None``.

    Opt-in (``--select DASH022``): on held-out public apps 7 of its 8 findings were
    fall-throughs no user can reach (an if/elif over every value a control can hold, which
    the snapshot cannot always see); the claim about Dash is exact, the reachability is not.

    ## Why is this bad?
    Dash expects a list or tuple with one value per Output. ``None`` is neither, so the
    request fails with ``InvalidCallbackReturnValue`` (a 500; the browser shows a callback
    error and no Output is updated). It is never a way to clear the Outputs: ``raise
    PreventUpdate`` leaves them all, ``no_update`` leaves one, ``[None, None]`` clears both.

    ## Example
    ```python
    @callback(Output("graph", "figure"), Output("title", "children"), Input("country", "value"))
    def plot(country):
        if country:
            return make_figure(country), country
    ```

    ## Use instead
    ```python
    @callback(Output("graph", "figure"), Output("title", "children"), Input("country", "value"))
    def plot(country):
        if not country:
            raise PreventUpdate
        return make_figure(country), country
    ```
    """
    for callback in ctx.callbacks:
        if callback.no_output or not callback.outputs or not callback.multi_output:
            continue
        function = ctx.function(callback)
        places = none_places(ctx, callback, function) if function is not None else []
        if places:
            count = len(callback.outputs)
            yield multi_output_returns_none.finding(
                f"{callback_label(callback)} returns None on some path ({'; '.join(places)}); "
                f"Dash raises InvalidCallbackReturnValue for a callback with {count} "
                f"Output{'s' if count != 1 else ''}",
                [callback], callback.outputs,
            )
