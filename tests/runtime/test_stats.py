"""Per-callback and per-action stats of a RuntimeLog (analysis/runtime/stats.py)."""

from __future__ import annotations

from dataclasses import replace

from analysis.runtime.model import CallRecord, RuntimeLog
from analysis.runtime.stats import (
    action_chains, callback_stats, chains_with, describe_action, never_called, percentile,
)


def call(seq: int, output: str, action: int, *, ms: float = 1.0, initial: bool = False,
         outcome: str = "updated", triggered: tuple[str, ...] = (), req: int = 100,
         resp: int = 50, error: str | None = None) -> CallRecord:
    return CallRecord(seq=seq, output=output, action=action, duration_ms=ms, initial=initial,
                      outcome=outcome, triggered=triggered, request_bytes=req,
                      response_bytes=resp, error=error)


LOG = RuntimeLog(calls=(
    call(1, "a.children", 1, ms=10.0, initial=True, req=200, resp=40),
    call(2, "b.children", 1, ms=30.0, initial=True),
    call(3, "a.children", 2, ms=2.0, triggered=("go.n_clicks",), req=400, resp=60),
    call(4, "loop.data", 2, ms=1.0, triggered=("a.children",)),
    call(5, "loop.data", 2, ms=1.0, triggered=("loop.data",)),
    call(6, "loop.data", 2, ms=5.0, triggered=("loop.data",), outcome="error", error="boom"),
    call(7, "loop.data", 3, ms=1.0, triggered=("other.value",), outcome="prevented"),
))


def test_counts_page_load_calls_errors_and_bytes_per_callback():
    stats = callback_stats(LOG)
    a = stats["a.children"]
    assert (a.calls, a.initial_calls, a.errors) == (2, 1, 0)
    assert (a.mean_request_bytes, a.max_request_bytes, a.max_response_bytes) == (300, 400, 60)
    assert a.initial_p95_ms == 10.0
    loop = stats["loop.data"]
    assert (loop.calls, loop.initial_calls, loop.errors, loop.prevented) == (4, 0, 1, 1)
    assert loop.last_error == "boom"
    assert (loop.most_in_one_action, loop.busiest_action) == (3, 2)
    assert loop.initial_p95_ms == 0.0


def test_p50_and_p95_are_measured_values():
    assert callback_stats(LOG)["loop.data"].p50_ms == 1.0
    assert callback_stats(LOG)["loop.data"].p95_ms == 5.0
    assert percentile([4.0, 1.0, 2.0, 3.0], 0.5) == 2.0


def test_never_called_keeps_the_order_given_and_says_nothing_once_records_were_dropped():
    outputs = ["z.children", "a.children", "y.value", "loop.data"]
    assert never_called(LOG, outputs) == ["z.children", "y.value"]
    dropped = RuntimeLog(dropped=3, calls=LOG.calls)
    assert never_called(dropped, outputs) == []


def test_action_chains_list_each_callback_once_in_order_with_its_count():
    chains = action_chains(LOG)
    assert [c.action for c in chains] == [1, 2, 3]
    load, click, other = chains
    assert load.initial and load.steps == (("a.children", 1), ("b.children", 1))
    assert not click.initial and click.trigger == ("go.n_clicks",)
    assert click.steps == (("a.children", 1), ("loop.data", 3)) and click.calls == 4
    assert describe_action(click) == "one click on go"
    assert describe_action(other) == "one change of other.value"
    assert [c.action for c in chains_with("loop.data", chains)] == [2, 3]


def test_an_empty_log_has_no_stats_and_no_chains():
    assert callback_stats(RuntimeLog()) == {} and action_chains(RuntimeLog()) == []


def test_a_background_jobs_polls_are_one_call_of_one_action():
    """As the plugin recorded one click on a background callback in Chromium: the request
    that starts the job, then three polls (``?cacheKey=&job=``), each a new action since its
    trigger is the click's; then what the result caused. One call, one action."""
    clicked = ("go.n_clicks",)
    polls = [replace(call(seq, "out.children", seq, ms=4.0, triggered=clicked, resp=14),
                     poll=True) for seq in (2, 3, 4)]
    log = RuntimeLog(calls=(
        call(1, "out.children", 1, ms=15.0, triggered=clicked, resp=223), *polls[:2],
        replace(polls[2], outcome="error", error="ValueError: late", response_bytes=90),
        call(5, "shown.children", 4, triggered=("out.children",)),
        call(6, "out.children", 5, ms=2.0, triggered=clicked),  # the next click: a new job
    ))
    stats = callback_stats(log)["out.children"]
    assert (stats.calls, stats.most_in_one_action, stats.errors) == (2, 1, 1)
    assert stats.last_error == "ValueError: late" and stats.max_response_bytes == 90
    assert stats.p95_ms == 27.0  # the job's requests' server time: 15 + 3 × 4 ms
    chains = action_chains(log)
    assert [(c.action, c.steps) for c in chains] == [
        (1, (("out.children", 1), ("shown.children", 1))), (5, (("out.children", 1),))]
    orphan = RuntimeLog(dropped=9, calls=(polls[0], call(7, "x.children", 8)))
    assert list(callback_stats(orphan)) == ["x.children"]  # its job's start was dropped


def test_a_poll_is_marked_in_the_json_only_when_it_is_one():
    record = replace(call(1, "out.children", 1), poll=True)
    assert record.to_dict()["poll"] is True and CallRecord.from_dict(record.to_dict()) == record
    assert "poll" not in call(1, "out.children", 1).to_dict()
