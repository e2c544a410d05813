"""Findings confirmed by a recorded run: evidence lines on static findings, and RUNTIME0xx findings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable

from analysis.findings import Finding
from analysis.lint import noqa_filter
from analysis.rules import runtime_rules
from analysis.runtime.checks import RuntimeRun
from analysis.runtime.model import RuntimeLog
from analysis.runtime.stats import (
    ActionChain, CallbackStats, action_chains, busiest_action, callback_stats,
)
from analysis.settings import LintSettings, is_enabled
from analysis.snapshot import Callback, Snapshot


@dataclass(frozen=True)
class RunView:
    """A run read against a snapshot: each callback's stats (by index) and the actions."""

    snapshot: Snapshot
    log: RuntimeLog
    by_index: dict[int, Callback]
    stats: dict[int, CallbackStats]  # called callbacks only
    chains: dict[int, ActionChain]
    unmatched: tuple[str, ...]  # output keys the run has and the snapshot does not

    @property
    def saw_page_load(self) -> bool:
        return any(chain.initial for chain in self.chains.values())

    def never_called(self) -> list[Callback]:
        """The snapshot's callbacks the run never called (none when records were dropped)."""
        if self.log.dropped:
            return []
        return [cb for index, cb in sorted(self.by_index.items()) if index not in self.stats]


def callbacks_by_output(snapshot: Snapshot) -> dict[str, Callback]:
    """The snapshot's callbacks the renderer can request, by the output key the live
    plugin records (Dash's callback_map key; a dropped one lost its key to another). A
    clientside callback runs in the browser and never reaches the server: a run cannot
    tell whether it was called, so it is none of them."""
    found: dict[str, Callback] = {}
    for callback in snapshot.callbacks:
        if (callback.output_key and not callback.dropped and not callback.internal
                and callback.kind != "clientside"):
            found.setdefault(callback.output_key, callback)
    return found


def read_run(snapshot: Snapshot, log: RuntimeLog) -> RunView:
    """The log's stats keyed by the snapshot's callbacks."""
    by_output = callbacks_by_output(snapshot)
    stats: dict[int, CallbackStats] = {}
    unmatched = []
    for output, numbers in callback_stats(log).items():
        callback = by_output.get(output)
        if callback is None:
            unmatched.append(output)
        else:
            stats[callback.index] = numbers
    return RunView(snapshot, log, {cb.index: cb for cb in by_output.values()}, stats,
                   {chain.action: chain for chain in action_chains(log)}, tuple(sorted(unmatched)))


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _load_calls(run: RunView, callback: Callback) -> str | None:
    """DASH010/DASH011: whether the page-load call happened."""
    stats = run.stats.get(callback.index)
    if stats and stats.initial_calls:
        return f"`{callback.name}` ran on page load {_times(stats.initial_calls)} in this session"
    if run.saw_page_load:
        return f"`{callback.name}` did not run on page load in this session"
    return None


def _never_called(run: RunView, callback: Callback) -> str | None:
    """DASH012: whether it was really never called."""
    stats = run.stats.get(callback.index)
    if stats:
        return f"`{callback.name}` was called {_times(stats.calls)} in this session"
    if run.log.dropped:
        return None
    return f"`{callback.name}` was never called in this session ({len(run.log.calls)} requests)"


def _loop(run: RunView, callback: Callback) -> str | None:
    """DASH040/DASH041: how often it fired for one action."""
    stats = run.stats.get(callback.index)
    if not stats:
        return None
    return (f"`{callback.name}` fired {_times(stats.most_in_one_action)} for "
            f"{busiest_action(stats, run.chains)}")


#: Which static findings a run can confirm (or contradict), and how each callback reads.
EVIDENCE: dict[str, Callable[[RunView, Callback], str | None]] = {
    "DASH010": _load_calls, "DASH011": _load_calls, "DASH012": _never_called,
    "DASH040": _loop, "DASH041": _loop,
}


def confirm(findings: Iterable[Finding], run: RunView) -> list[Finding]:
    """The findings in the same order, each with the evidence the run gives for it (its
    fingerprint unchanged: evidence is not part of it)."""
    result = []
    for finding in findings:
        reader = EVIDENCE.get(finding.code)
        lines = [] if reader is None else [
            line for index in finding.callbacks if index in run.by_index
            for line in [reader(run, run.by_index[index])] if line
        ]
        result.append(replace(finding, evidence=tuple(lines)) if lines else finding)
    return result


def runtime_findings(run: RunView, settings: LintSettings = LintSettings()) -> list[Finding]:
    """The findings of the runtime rules (RUNTIME0xx) the settings enable, with their
    thresholds, minus those a ``# noqa`` silences, as a lint does: by code, then callback."""
    suppressed = noqa_filter(run.snapshot)
    found = []
    for rule in runtime_rules():
        if not is_enabled(rule.code, settings, rule.default):
            continue
        for index, stats in sorted(run.stats.items()):
            found.extend(finding for finding in rule.check(RuntimeRun(
                run.by_index[index], stats, run.chains, settings.thresholds))
                if not suppressed(finding))
    return found


def with_run(snapshot: Snapshot, findings: Iterable[Finding], log: RuntimeLog,
             settings: LintSettings = LintSettings()) -> tuple[list[Finding], list[Finding]]:
    """A lint's findings with the evidence the log gives them, and the runtime rules'
    findings of the log (those ``settings`` enable): what a front end shows of a run."""
    run = read_run(snapshot, log)
    return confirm(findings, run), runtime_findings(run, settings)
