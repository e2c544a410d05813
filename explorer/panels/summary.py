"""The summary: counts of callbacks, components and findings, and findings by rule as a chart."""

from __future__ import annotations

from collections import Counter

import plotly.graph_objects as go

from analysis.findings import SEVERITIES
from explorer.view.catalog import callback_kind
from explorer.services import SnapshotServices
from explorer.view.stylesheet import SEVERITY_COLOURS  # the graph's colours: one legend for both


def summary_counts(services: SnapshotServices) -> dict[str, int]:
    """Counts shown as figures: callbacks (and by kind), components, findings by severity."""
    callbacks = list(services.catalog.callbacks.values())
    counts = {
        "callbacks": len(callbacks),
        "components": len({c.id_str for c in services.snapshot.components}),
        "findings": len(services.findings),
    }
    kinds = Counter(callback_kind(cb) for cb in callbacks)
    counts.update({f"{kind} callbacks": n for kind, n in sorted(kinds.items())})
    severities = Counter(f.severity for f in services.findings)
    counts.update({severity: severities.get(severity, 0) for severity in SEVERITIES})
    return counts


def message_figure(text: str) -> go.Figure:
    """A small empty chart that says why it is empty."""
    figure = go.Figure()
    figure.update_layout(
        height=80, margin={"l": 0, "r": 0, "t": 0, "b": 0}, template="plotly_white",
        xaxis={"visible": False}, yaxis={"visible": False},
        annotations=[{"text": text, "showarrow": False, "font": {"color": "#6c757d"}}],
    )
    return figure


def findings_by_rule_figure(services: SnapshotServices) -> go.Figure:
    """A horizontal bar per rule code, stacked by severity."""
    if not services.findings:
        return message_figure("No findings")
    per_rule: Counter[tuple[str, str]] = Counter(
        (f"{f.code} {f.name}", f.severity) for f in services.findings
    )
    rules = sorted({rule for rule, _ in per_rule}, reverse=True)
    figure = go.Figure()
    for severity in SEVERITIES:
        values = [per_rule.get((rule, severity), 0) for rule in rules]
        if any(values):
            figure.add_bar(y=rules, x=values, orientation="h", name=severity,
                           marker_color=SEVERITY_COLOURS[severity])
    figure.update_layout(
        barmode="stack", height=max(160, 40 + 28 * len(rules)),
        margin={"l": 10, "r": 10, "t": 10, "b": 30}, legend={"orientation": "h", "y": -0.25},
        xaxis={"title": None, "dtick": 1}, yaxis={"automargin": True},
        template="plotly_white",
    )
    return figure
