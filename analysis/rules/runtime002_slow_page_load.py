"""RUNTIME002 slow-page-load: a callback's page-load calls took longer than the threshold (p95) in a recorded run."""

from __future__ import annotations

from typing import Iterator

from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.runtime.checks import RuntimeRun


@rule(
    "RUNTIME002",
    "slow-page-load",
    "warning",
    "a callback's page-load calls took longer than the threshold (p95)",
    needs_run=True,
)
def slow_page_load(run: RuntimeRun) -> Iterator[Finding]:
    """## What it does
    Reports a callback whose page-load calls took longer than the threshold
    (``live-slow-ms``, 1,000 ms by default) at the 95th percentile, measured in the app's
    server from request to response.

    ## Why is this bad?
    The renderer makes the page-load calls before the page shows its first state: a slow one
    is a blank or half-drawn page on every visit, and it holds a server worker meanwhile.

    ## Example
    ```python
    @callback(Output("table", "data"), Input("year", "value"))
    def load(year):  # runs on every page load: seconds before the page shows
        return read_whole_warehouse(year).to_dict("records")
    ```

    ## Use instead
    Put the first state in the layout (``prevent_initial_call=True``), cache the work, or
    move it to a background callback:
    ```python
    @callback(Output("table", "data"), Input("year", "value"), prevent_initial_call=True)
    def load(year):
        return cached_year(year)  # the layout's table holds the default year's rows
    ```
    """
    stats, slow = run.stats, run.thresholds.slow_load_ms
    if stats.initial_calls and stats.initial_p95_ms > slow:
        cb = run.callback
        yield slow_page_load.finding(
            f"{callback_label(cb)} took {stats.initial_p95_ms:.0f} ms on page load (p95 of "
            f"{stats.initial_calls}; threshold {slow:.0f} ms)", [cb], cb.outputs)
