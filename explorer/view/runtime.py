"""The runtime overlay on the graph: callbacks coloured by calls, labelled with counts and p95."""

from __future__ import annotations

from typing import Iterable, Mapping

from analysis.findings import SEVERITIES, Finding
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


def overlay_styles(run: RunView, marked: Mapping[int, str] | None = None) -> list[dict]:
    """Stylesheet rules for every callback of the run's snapshot: called ones filled by
    their calls and labelled with the numbers, never-called ones dashed and grey. Rules,
    not element data: the graph's elements (and their layout) stay as they are.

    Then the findings' borders, which the overlay must not hide: a never-called callback
    with a finding (DASH012 says it is never called) keeps its finding's colour, dashed.
    ``marked``: callbacks (by index) with a finding of the run (RUNTIME0xx) and its worst
    severity, bordered the same way; each severity's rules come after the milder ones', so
    a callback shows the worse of its static and its runtime finding."""
    rules = []
    for index, stats in sorted(run.stats.items()):
        cb = run.by_index[index]
        rules.append({"selector": f"#{element_id(callback_node(index))}", "style": {
            "background-color": heat(stats.calls), "label": stats_label(cb.name, stats),
            "text-max-width": 220}})
    for cb in run.never_called():
        rules.append({"selector": f"#{element_id(callback_node(cb.index))}", "style": {
            **NEVER_CALLED, "label": f"{cb.name}\nnever called"}})
    if not rules:
        return rules
    markers = {rule["selector"].split(".", 1)[1]: rule for rule in SEVERITY_MARKERS}
    for severity in reversed(SEVERITIES):  # the mildest first: the worst has the last word
        rules.append(markers[severity])
        rules += [{"selector": f"#{element_id(callback_node(index))}",
                   "style": markers[severity]["style"]}
                  for index, worst in sorted((marked or {}).items()) if worst == severity]
    return rules


def runtime_marks(findings: Iterable[Finding]) -> dict[int, str]:
    """The callbacks the run's findings are about, each with its worst severity.

    >>> runtime_marks([Finding("RUNTIME001", "n", "warning", "m", callbacks=(2,)),
    ...                Finding("RUNTIME003", "n", "error", "m", callbacks=(2,))])
    {2: 'error'}
    """
    worst: dict[int, str] = {}
    for finding in findings:
        for index in finding.callbacks:
            known = worst.get(index)
            if known is None or SEVERITIES.index(finding.severity) < SEVERITIES.index(known):
                worst[index] = finding.severity
    return worst


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
