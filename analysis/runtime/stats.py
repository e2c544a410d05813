"""What a RuntimeLog says per callback (calls, page-load calls, p50/p95, bytes, errors) and per action."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence

from analysis.runtime.model import ERROR, PREVENTED, CallRecord, RuntimeLog


@dataclass(frozen=True)
class CallbackStats:
    """One callback's requests in a session (``output``: its key as in ``/_dash-dependencies``)."""

    output: str
    calls: int
    initial_calls: int  # the renderer's page-load calls (``initial``)
    errors: int
    prevented: int  # PreventUpdate / 204
    p50_ms: float
    p95_ms: float
    initial_p95_ms: float  # p95 of the page-load calls only (0.0 when there were none)
    mean_request_bytes: float
    max_request_bytes: int
    mean_response_bytes: float
    max_response_bytes: int
    most_in_one_action: int  # the most requests of this callback one page load/action caused
    busiest_action: int  # that action's number
    last_error: str | None


@dataclass(frozen=True)
class ActionChain:
    """The requests one page load or one user action caused, in order: each callback (by
    output key) once, at its first request, with how many requests it made in the action."""

    action: int
    initial: bool  # the page load (the renderer's own calls)
    trigger: tuple[str, ...]  # what the first request's trigger was (``btn.n_clicks``)
    steps: tuple[tuple[str, int], ...]
    calls: int

    def count_of(self, output: str) -> int:
        return dict(self.steps).get(output, 0)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (0.0 for no values): the smallest value with at least
    ``fraction`` of the values at or under it, so it is always a value that was measured.

    >>> percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5), percentile(range(1, 101), 0.95)
    (3.0, 95)
    >>> percentile([], 0.95)
    0.0
    """
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def folded_calls(log: RuntimeLog) -> list[CallRecord]:
    """The log's calls, oldest first, each background callback's polls folded into the
    request that started its job: that request takes the last poll's outcome, status, error
    and response size, and the server time of them all; an action a poll started (each does,
    its trigger being the click's) is the job's action, with whatever it caused. A poll
    whose job started before the log's oldest record is left out."""
    calls: list[CallRecord] = []
    job: dict[str, int] = {}  # output -> index in ``calls`` of the request that started its job
    actions: dict[int, int] = {}  # action a poll started -> its job's action
    seen: set[int] = set()
    for call in sorted(log.calls, key=lambda c: c.seq):
        first = call.action not in seen
        seen.add(call.action)
        if not call.poll:
            action = actions.get(call.action, call.action)
            calls.append(replace(call, action=action) if action != call.action else call)
            job[call.output] = len(calls) - 1
            continue
        if call.output not in job:
            continue
        started = calls[job[call.output]]
        if first:
            actions[call.action] = started.action
        calls[job[call.output]] = replace(
            started, outcome=call.outcome, status=call.status, error=call.error,
            response_bytes=call.response_bytes,
            duration_ms=round(started.duration_ms + call.duration_ms, 3))
    return calls


def callback_stats(log: RuntimeLog) -> dict[str, CallbackStats]:
    """Each called callback's stats, by output key (polls folded: ``folded_calls``)."""
    by_output: dict[str, list[CallRecord]] = defaultdict(list)
    for call in folded_calls(log):
        by_output[call.output].append(call)
    return {output: _stats(output, calls) for output, calls in by_output.items()}


def _stats(output: str, calls: list[CallRecord]) -> CallbackStats:
    durations = [c.duration_ms for c in calls]
    per_action: dict[int, int] = defaultdict(int)
    for call in calls:
        per_action[call.action] += 1
    busiest = max(per_action, key=lambda action: (per_action[action], -action))
    errors = [c for c in calls if c.outcome == ERROR]
    return CallbackStats(
        output=output,
        calls=len(calls),
        initial_calls=sum(c.initial for c in calls),
        errors=len(errors),
        prevented=sum(c.outcome == PREVENTED for c in calls),
        p50_ms=percentile(durations, 0.5),
        p95_ms=percentile(durations, 0.95),
        initial_p95_ms=percentile([c.duration_ms for c in calls if c.initial], 0.95),
        mean_request_bytes=sum(c.request_bytes for c in calls) / len(calls),
        max_request_bytes=max(c.request_bytes for c in calls),
        mean_response_bytes=sum(c.response_bytes for c in calls) / len(calls),
        max_response_bytes=max(c.response_bytes for c in calls),
        most_in_one_action=per_action[busiest],
        busiest_action=busiest,
        last_error=errors[-1].error if errors else None,
    )


def never_called(log: RuntimeLog, outputs: Iterable[str]) -> list[str]:
    """The output keys among ``outputs`` (the app's callbacks) with no request in the log,
    in the order given. A log that dropped records cannot tell, so it names none."""
    if log.dropped:
        return []
    called = {call.output for call in log.calls}
    return [output for output in outputs if output not in called]


def action_chains(log: RuntimeLog) -> list[ActionChain]:
    """Every page load and user action of the log, oldest first, with its callbacks in the
    order they were first requested."""
    grouped: dict[int, list[CallRecord]] = defaultdict(list)
    for call in folded_calls(log):
        grouped[call.action].append(call)
    chains = []
    for action, calls in grouped.items():
        counts: dict[str, int] = {}
        for call in calls:
            counts[call.output] = counts.get(call.output, 0) + 1
        chains.append(ActionChain(
            action=action, initial=any(c.initial for c in calls), trigger=calls[0].triggered,
            steps=tuple(counts.items()), calls=len(calls),
        ))
    return sorted(chains, key=lambda chain: chain.action)


def chains_with(output: str, chains: Iterable[ActionChain]) -> list[ActionChain]:
    """The chains one callback took part in."""
    return [chain for chain in chains if chain.count_of(output)]


def describe_action(chain: ActionChain) -> str:
    """How an action reads in a finding or a panel: the page load, or what was changed.

    >>> describe_action(ActionChain(3, False, ("save.n_clicks",), (), 1))
    'one click on save'
    >>> describe_action(ActionChain(1, True, (), (), 1))
    'one page load'
    """
    if chain.initial or not chain.trigger:
        return "one page load"
    prop = chain.trigger[0]
    component, _, name = prop.rpartition(".")
    if name == "n_clicks":
        return f"one click on {component}"
    return f"one change of {prop}"


def busiest_action(stats: CallbackStats, chains: Mapping[int, ActionChain]) -> str:
    """The action that made a callback fire most, as a finding reads it ("one click on
    loop-go"); ``chains``: the run's actions by number."""
    chain = chains.get(stats.busiest_action)
    return describe_action(chain) if chain else f"action {stats.busiest_action}"
