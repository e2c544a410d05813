"""DASH012 never-called: a callback without Inputs whose initial call is prevented never runs."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.dash_props import prevented_by, runs_on_load
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label


@rule(
    "DASH012",
    "never-called",
    "error",
    "a callback has no Inputs and prevent_initial_call=True, so nothing ever calls it",
)
def never_called(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds callbacks without any ``Input`` whose initial call is prevented, either by their
    own ``prevent_initial_call=True``, for ``@app.callback`` by
    ``Dash(prevent_initial_callbacks=True)``, or for ``@dash.callback`` by
    ``config_prevent_initial_callbacks=True`` passed to the decorator (what Dash sends the
    renderer, as the probe recorded it).

    ## Why is this bad?
    Dash runs a callback when one of its Inputs changes, and once on page load. A callback
    with no Inputs has only the page-load call; preventing it leaves the function dead code
    that Dash still registers and ships to the browser. (States never trigger a callback.)

    ## Example
    ```python
    @callback(Output("greeting", "children"), State("name", "value"),
              prevent_initial_call=True)
    def greet(name):
        return f"Hello {name}"
    ```

    ## Use instead
    ```python
    @callback(Output("greeting", "children"), Input("name", "value"))
    def greet(name):
        return f"Hello {name}"
    ```
    """
    for callback in ctx.callbacks:
        app = ctx.app_of(callback)
        if callback.inputs or runs_on_load(callback, app):
            continue
        source = prevented_by(callback, app)
        yield never_called.finding(
            f"{callback_label(callback)} has no Inputs and {source}: Dash never calls it",
            [callback],
        )
