"""The compare view's page parts: its controls, legend, findings split by status, change details."""

from __future__ import annotations

from typing import Callable

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from analysis.diff.model import FIXED, NEW, UNCHANGED
from analysis.diff.render import markdown
from explorer import ids
from explorer.panels.details import code_block
from explorer.panels.exports import Download
from explorer.view.compare import Comparison, source_diff, wiring_changes
from explorer.view.stylesheet import CHANGE_FILLS

HIDDEN = {"display": "none"}
STATUS_TITLES = {NEW: "New", FIXED: "Fixed", UNCHANGED: "Unchanged"}


def compare_section() -> html.Div:
    """The controls' compare section (hidden until a comparison is shown)."""
    return html.Div([
        html.H6("Compare", className="text-uppercase text-muted small mt-3 mb-1"),
        html.Div(id=ids.COMPARE_TITLE, className="small text-break mb-1"),
        dbc.Switch(id=ids.COMPARE_CHANGES_ONLY, value=False, className="small",
                   label="Changes only (and their neighbours)"),
    ], id=ids.COMPARE_CONTROLS, style=HIDDEN)


def review_button() -> dbc.Button:
    """The export of a comparison's review report (analysis/diff's Markdown)."""
    return dbc.Button("Review report (Markdown)", id=ids.EXPORT_REVIEW, size="sm",
                      color="secondary", outline=True, className="mt-1", style=HIDDEN)


def compare_legend() -> html.Span:
    """The change fills and edge lines, in the legend strip (hidden outside a comparison)."""
    fills = [html.Span(status, className="border rounded px-1 me-1",
                       style={"background": colour,
                              **({"opacity": 0.6, "borderStyle": "dashed"}
                                 if status == "removed" else {})})
             for status, colour in CHANGE_FILLS.items()]
    return html.Span([html.Span("changes:", className="me-1"), *fills],
                     id=ids.COMPARE_LEGEND, className="me-2", style=HIDDEN)


def review_download(comparison: Comparison) -> Download:
    """The review report: the Markdown ``python -m analysis diff --format markdown`` prints."""
    return Download(markdown(comparison.diff), "review.md", "text/markdown")


def split_by_status(comparison: Comparison, shown: list[int],
                    item: Callable[[int], Component]) -> list:
    """The findings list in three parts, new, fixed and unchanged, each with its count
    (``item``: index -> the list's button for that finding)."""
    parts = []
    for status in (NEW, FIXED, UNCHANGED):
        indices = [i for i in shown if comparison.finding_status[i] == status]
        parts.append(html.Div(f"{STATUS_TITLES[status]} ({len(indices)})",
                              className=f"small fw-bold px-2 pt-2 findings-{status}"))
        parts.append(html.Div([item(i) for i in indices],
                              className=f"list-group list-group-flush findings-{status}-list"))
    return parts


def change_details(comparison: Comparison, key: str) -> list:
    """A changed callback's change: what changed, its wiring changes, its source diff."""
    change = comparison.changes.get(key)
    if change is None:
        return []
    diff = comparison.diff
    rows: list = [html.H6(f"Compared: {change.status}"
                          + (f" ({', '.join(change.aspects)})" if change.aspects else ""),
                          className="compare-status")]
    wiring = wiring_changes(comparison, change) if change.status == "changed" else []
    if wiring:
        rows.append(html.Ul([html.Li(f"{'+' if d.status == 'added' else '−'} {d.kind} {d.key}",
                                     className="font-monospace small")
                             for d in wiring], className="mb-1 compare-wiring"))
    text = source_diff(change, diff.base.label, diff.head.label)
    if change.status == "changed" and text:
        rows += [html.H6("Source diff", className="mt-2"),
                 html.Div(code_block(text, "diff"), className="compare-source-diff")]
    return rows
