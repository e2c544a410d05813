"""RUNTIME001 fires-repeatedly: a callback made more requests for one user action than the threshold (a loop as it ran)."""

from __future__ import annotations

from typing import Iterator

from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.runtime.checks import RuntimeRun
from analysis.runtime.stats import busiest_action


@rule(
    "RUNTIME001",
    "fires-repeatedly",
    "warning",
    "a callback made more requests for one user action than the threshold",
    needs_run=True,
)
def fires_repeatedly(run: RuntimeRun) -> Iterator[Finding]:
    """## What it does
    Reports a callback that made more requests for one user action (or one page load) than
    the threshold (``live-per-action``, 10 by default): the renderer's chain of requests for
    that action, as the live plugin grouped them, holds this callback that many times.

    ## Why is this bad?
    Dash runs each callback of a chain once; more means a loop that static analysis may not
    see (a ``set_props`` write, a clientside callback, an id made at run time feeding an
    Input back), each turn a request, until something raises ``PreventUpdate``. DASH040
    reports the loops it can read from the code; this is the loop as it ran.

    ## Example
    ```python
    @callback(Output("b", "children"), Input("go", "n_clicks"), Input("a", "children"))
    def forward(_, a):
        return int(a) + 1

    @callback(Input("b", "children"))
    def back(b):  # one click: forward and back take turns until b reaches 40
        if int(b) >= 40:
            raise PreventUpdate
        set_props("a", {"children": int(b) + 1})
    ```

    ## Use instead
    Merge the callbacks of the loop into one that checks ``ctx.triggered_id``, or stop the
    loop with ``PreventUpdate`` / ``no_update`` once its value has settled:
    ```python
    @callback(Output("b", "children"), Input("go", "n_clicks"), State("a", "children"))
    def forward(_, a):
        return 40
    ```
    """
    stats, most = run.stats, run.thresholds.per_action
    if stats.most_in_one_action > most:
        cb = run.callback
        yield fires_repeatedly.finding(
            f"{callback_label(cb)} fired {stats.most_in_one_action} times for "
            f"{busiest_action(stats, run.chains)} (more than {most})", [cb], cb.outputs)
