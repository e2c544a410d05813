"""DASH050 no-output-returns: a callback without Outputs returns a value."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label


@rule(
    "DASH050",
    "no-output-returns",
    "error",
    "a callback without Outputs returns a value: Dash raises InvalidCallbackReturnValue",
)
def no_output_returns(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds server callbacks declared without any Output (side effects, ``set_props``) that
    ``return`` something other than ``None`` — ``no_update`` included.

    ## Why is this bad?
    Dash 4 checks the return value of a no-output callback: anything but ``None`` raises
    ``InvalidCallbackReturnValue: No-output callback received return value`` (``no_update``
    is a value too), so the request fails and any ``set_props`` of that call is lost. The
    value could not go anywhere anyway. To stop early, ``return`` or ``raise PreventUpdate``.

    ## Example
    ```python
    @callback(Input("save", "n_clicks"), State("doc", "value"), prevent_initial_call=True)
    def save(n, doc):
        store.save(doc)
        return "saved"
    ```

    ## Use instead
    ```python
    @callback(Input("save", "n_clicks"), State("doc", "value"), prevent_initial_call=True)
    def save(n, doc):
        store.save(doc)
        set_props("status", {"children": "saved"})
    ```
    """
    for callback in ctx.callbacks:
        if not callback.no_output:
            continue
        # here: only an app with a callback without Outputs imports the body's analyses
        from analysis.source.flow import is_generator, is_none, returns

        function = ctx.function(callback)
        if function is None or is_generator(function):
            continue
        valued = [node for node in returns(function) if not is_none(node.value)]
        if valued:
            yield no_output_returns.finding(
                f"{callback_label(callback)} has no Outputs but returns a value "
                f"({len(valued)} return statement(s)): return None or use set_props",
                [callback],
            )
