"""The RUNTIME0xx findings: what only a recorded run shows (repeated firing, slow page load, errors)."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable, Iterator

from analysis.findings import Finding
from analysis.rules._naming import callback_label
from analysis.runtime.stats import ActionChain, CallbackStats, describe_action
from analysis.snapshot import Callback


@dataclass(frozen=True)
class Thresholds:
    """When a run's numbers become a finding (the explorer's ``--live-*`` options)."""

    per_action: int = 10  # RUNTIME001: more requests of one callback for one action
    slow_load_ms: float = 1000.0  # RUNTIME002: p95 of its page-load calls above this


@dataclass(frozen=True)
class RuntimeRun:
    """What a check looks at: one callback of the snapshot and its stats in the run."""

    callback: Callback
    stats: CallbackStats
    chains: dict[int, ActionChain]  # the run's actions by number
    thresholds: Thresholds


Check = Callable[["RuntimeCheck", RuntimeRun], Iterator[Finding]]


@dataclass(frozen=True)
class RuntimeCheck:
    """A runtime-only finding's kind: a stable code of its own family (``RUNTIME0xx``, never
    a DASH code: no lint of a snapshot can report it), a name, a severity, a summary, and the
    check, whose docstring is the rationale (docs/live.md is generated from it)."""

    code: str
    name: str
    severity: str
    summary: str
    check: Check

    @property
    def rationale(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    def finding(self, run: RuntimeRun, message: str) -> Finding:
        callback = run.callback
        return Finding(
            code=self.code, name=self.name, severity=self.severity,
            message=f"{callback_label(callback)} {message}", file=callback.file,
            line=callback.line, functions=(callback.function,), callbacks=(callback.index,),
            properties=tuple(d.key for d in callback.outputs),
        )


def _fires_repeatedly(check: RuntimeCheck, run: RuntimeRun) -> Iterator[Finding]:
    """## What it does
    Reports a callback that made more requests for one user action (or one page load) than
    the threshold (10 by default): the renderer's chain of requests for that action, as the
    live plugin grouped them, holds this callback that many times.

    ## Why is this bad?
    Dash runs each callback of a chain once; more means a loop that static analysis may not
    see (a ``set_props`` write, a clientside callback, an id made at run time feeding an
    Input back), each turn a request, until something raises ``PreventUpdate``. DASH040
    reports the loops it can read from the code; this is the loop as it ran.

    ## Use instead
    Merge the callbacks of the loop into one that checks ``ctx.triggered_id``, or stop the
    loop with ``PreventUpdate`` / ``no_update`` once its value has settled.
    """
    stats = run.stats
    if stats.most_in_one_action > run.thresholds.per_action:
        chain = run.chains.get(stats.busiest_action)
        what = describe_action(chain) if chain else f"action {stats.busiest_action}"
        yield check.finding(run, f"fired {stats.most_in_one_action} times for {what} "
                                 f"(more than {run.thresholds.per_action})")


def _slow_page_load(check: RuntimeCheck, run: RuntimeRun) -> Iterator[Finding]:
    """## What it does
    Reports a callback whose page-load calls took longer than the threshold (1,000 ms by
    default) at the 95th percentile, measured in the app's server from request to response.

    ## Why is this bad?
    The renderer makes the page-load calls before the page shows its first state: a slow one
    is a blank or half-drawn page on every visit, and it holds a server worker meanwhile.

    ## Use instead
    Put the first state in the layout (``prevent_initial_call=True``), cache the work, or
    move it to a background callback.
    """
    stats = run.stats
    if stats.initial_calls and stats.initial_p95_ms > run.thresholds.slow_load_ms:
        yield check.finding(run, f"took {stats.initial_p95_ms:.0f} ms on page load (p95 of "
                                 f"{stats.initial_calls}; threshold "
                                 f"{run.thresholds.slow_load_ms:.0f} ms)")


def _errors(check: RuntimeCheck, run: RuntimeRun) -> Iterator[Finding]:
    """## What it does
    Reports a callback whose request failed in the run: the callback raised (HTTP 500) or
    Dash refused its request. The message gives the count and the last error's first line.

    ## Why is this bad?
    The user sees nothing happen (with debug off) while the Outputs keep their old values;
    the error shows only in the server's log.

    ## Use instead
    Fix the cause the error names; for values the callback cannot handle yet (``None`` on
    page load), return ``no_update`` or raise ``PreventUpdate`` on purpose.
    """
    stats = run.stats
    if stats.errors:
        last = f": {stats.last_error}" if stats.last_error else ""
        times = "once" if stats.errors == 1 else f"{stats.errors} times"
        yield check.finding(run, f"failed {times} of {stats.calls} calls{last}")


RUNTIME_CHECKS: tuple[RuntimeCheck, ...] = (
    RuntimeCheck("RUNTIME001", "fires-repeatedly", "warning",
                 "a callback made more requests for one user action than the threshold",
                 _fires_repeatedly),
    RuntimeCheck("RUNTIME002", "slow-page-load", "warning",
                 "a callback's page-load calls took longer than the threshold (p95)",
                 _slow_page_load),
    RuntimeCheck("RUNTIME003", "callback-error", "error",
                 "a callback's request failed (an exception, or Dash refused it)", _errors),
)
