"""RUNTIME003 callback-error: a callback's request failed in a recorded run (an exception, or Dash refused it)."""

from __future__ import annotations

from typing import Iterator

from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.runtime.checks import RuntimeRun


@rule(
    "RUNTIME003",
    "callback-error",
    "error",
    "a callback's request failed (an exception, or Dash refused it)",
    needs_run=True,
)
def callback_error(run: RuntimeRun) -> Iterator[Finding]:
    """## What it does
    Reports a callback whose request failed in the run: the callback raised (HTTP 500) or
    Dash refused its request. The message gives the count and the last error's first line.

    ## Why is this bad?
    The user sees nothing happen (with debug off) while the Outputs keep their old values;
    the error shows only in the server's log.

    ## Example
    ```python
    @callback(Output("total", "children"), Input("qty", "value"))
    def total(qty):
        return f"{qty * PRICE:.2f}"  # TypeError on page load: qty is None
    ```

    ## Use instead
    Fix the cause the error names; for values the callback cannot handle yet (``None`` on
    page load), return ``no_update`` or raise ``PreventUpdate`` on purpose:
    ```python
    @callback(Output("total", "children"), Input("qty", "value"))
    def total(qty):
        if qty is None:
            raise PreventUpdate
        return f"{qty * PRICE:.2f}"
    ```
    """
    stats = run.stats
    if stats.errors:
        cb = run.callback
        last = f": {stats.last_error}" if stats.last_error else ""
        times = "once" if stats.errors == 1 else f"{stats.errors} times"
        calls = "1 call" if stats.calls == 1 else f"{stats.calls} calls"
        yield callback_error.finding(f"{callback_label(cb)} failed {times} in {calls}{last}",
                                     [cb], cb.outputs)
