"""The runtime overlay on the graph: callbacks coloured by calls, labelled with counts and p95."""

from __future__ import annotations

from analysis.graph import callback_node
from analysis.runtime.evidence import RunView
from analysis.runtime.stats import CallbackStats
from explorer.view.nodes import element_id
from explorer.view.stylesheet import SEVERITY_MARKERS

#: Fill colours by calls in the session, lightest to hottest (the legend shows them), as
#: (fewest calls in the band, colour, legend label).
HEAT = ((1, "#d1f0da", "1–2 calls"), (3, "#fde68a", "3–9"), (10, "#fdba74", "10–39"),
        (40, "#f87171", "40+"))
NEVER_CALLED = {"background-color": "#f8f9fa", "border-style": "dashed",
                "border-color": "#6c757d", "color": "#6c757d"}


def heat(calls: int) -> str:
    """The fill colour for a number of calls.

    >>> heat(1), heat(21), heat(400)
    ('#d1f0da', '#fdba74', '#f87171')
    """
    colour = HEAT[0][1]
    for least, band, _ in HEAT:
        if calls >= least:
            colour = band
    return colour


def duration(ms: float) -> str:
    """A duration as a short label.

    >>> duration(0.42), duration(12.3), duration(2500)
    ('0.4 ms', '12 ms', '2.5 s')
    """
    if ms >= 1000:
        return f"{ms / 1000:.1f} s"
    return f"{ms:.1f} ms" if ms < 10 else f"{ms:.0f} ms"


def stats_label(name: str, stats: CallbackStats) -> str:
    """A called callback's label on the graph: its name, then calls (page-load ones) and p95."""
    load = f" ({stats.initial_calls} on load)" if stats.initial_calls else ""
    calls = "1 call" if stats.calls == 1 else f"{stats.calls} calls"
    errors = f" · {stats.errors} failed" if stats.errors else ""
    return f"{name}\n{calls}{load} · p95 {duration(stats.p95_ms)}{errors}"


def overlay_styles(run: RunView) -> list[dict]:
    """Stylesheet rules for every callback of the run's snapshot: called ones filled by
    their calls and labelled with the numbers, never-called ones dashed and grey. Rules,
    not element data: the graph's elements (and their layout) stay as they are. The
    findings' severity borders follow them: a never-called callback with a finding (DASH012
    says it is never called) keeps its finding's colour, its border dashed."""
    rules = []
    for index, stats in sorted(run.stats.items()):
        cb = run.by_index[index]
        rules.append({"selector": f"#{element_id(callback_node(index))}", "style": {
            "background-color": heat(stats.calls), "label": stats_label(cb.name, stats),
            "text-max-width": 220}})
    for cb in run.never_called():
        rules.append({"selector": f"#{element_id(callback_node(cb.index))}", "style": {
            **NEVER_CALLED, "label": f"{cb.name}\nnever called"}})
    return rules + list(SEVERITY_MARKERS) if rules else rules


def status_line(run: RunView, url: str) -> str:
    """What the key strip says of the run.

    A log that dropped records says so: its counts are of the newest records only.
    """
    calls = len(run.log.calls)
    text = (f"live: {calls} request{'' if calls == 1 else 's'}, {len(run.stats)} of "
            f"{len(run.by_index)} callbacks called, {len(run.chains)} actions — {url}")
    if run.log.dropped:
        text += f" ({run.log.dropped} oldest dropped)"
    if run.unmatched:
        text += f"; {len(run.unmatched)} callbacks not in this analysis (analyse again?)"
    return text
