"""The runtime overlay's panel content: a callback's numbers and chains, evidence, runtime findings."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from analysis.findings import Finding
from analysis.graph import callback_node
from analysis.runtime.evidence import RunView
from analysis.runtime.stats import ActionChain, describe_action
from analysis.snapshot import Callback
from explorer import ids
from explorer.panels.details import severity_badge
from explorer.view.runtime import duration

#: How many of the actions a callback took part in the details list (newest first).
SHOWN_CHAINS = 8


def size(count: float) -> str:
    """Bytes as a short label.

    >>> size(95), size(2300.0), size(3_500_000)
    ('95 B', '2.2 KiB', '3.3 MiB')
    """
    if count >= 2**20:
        return f"{count / 2**20:.1f} MiB"
    return f"{count / 1024:.1f} KiB" if count >= 1024 else f"{count:.0f} B"


def chain_text(chain: ActionChain, names: dict[str, str]) -> str:
    """One action as a line: what started it, then each callback and its count, in order."""
    steps = " → ".join(f"{names.get(output, output)}" + (f" ×{count}" if count > 1 else "")
                       for output, count in chain.steps)
    return f"#{chain.action} {describe_action(chain)}: {steps}"


def output_names(run: RunView) -> dict[str, str]:
    """Each called callback's short name by output key (keys the snapshot lacks stay keys)."""
    return {cb.output_key: cb.name for cb in run.by_index.values()}


def runtime_details(run: RunView, cb: Callback) -> list:
    """The details panel's "Runtime" section for a callback."""
    title = html.H6("Runtime (this session)", className="mt-3 runtime-title")
    stats = run.stats.get(cb.index)
    if stats is None:
        if cb.index in {c.index for c in run.never_called()}:
            return [title, dbc.Badge("never called", color="secondary", className="me-1"),
                    html.Span(f"in {len(run.log.calls)} requests", className="small text-muted")]
        return [title, html.P("Not called among the records kept.", className="small text-muted")]
    rows = [
        ("calls", f"{stats.calls} ({stats.initial_calls} on page load)"),
        ("duration", f"p50 {duration(stats.p50_ms)} · p95 {duration(stats.p95_ms)}"),
        ("request", f"mean {size(stats.mean_request_bytes)} · max {size(stats.max_request_bytes)}"),
        ("response", f"mean {size(stats.mean_response_bytes)} · max "
                     f"{size(stats.max_response_bytes)}"),
        ("outcomes", f"{stats.errors} failed · {stats.prevented} prevented"),
    ]
    if stats.last_error:
        rows.append(("last error", stats.last_error))
    table = html.Table(html.Tbody([
        html.Tr([html.Th(name, className="pe-2 fw-normal text-muted"), html.Td(value)])
        for name, value in rows]), className="small runtime-stats mb-1")
    names = output_names(run)
    chains = [c for c in run.chains.values() if c.count_of(cb.output_key)]
    shown = sorted(chains, key=lambda c: -c.action)[:SHOWN_CHAINS]
    more = len(chains) - len(shown)
    return [
        title, table,
        html.Div(f"Actions it took part in ({len(chains)})", className="small fw-bold mt-1"),
        html.Ul([html.Li(chain_text(c, names), className="runtime-chain") for c in shown]
                + ([html.Li(f"… and {more} older", className="text-muted")] if more else []),
                className="small mb-1"),
    ]


def runtime_item(finding: Finding) -> html.Button:
    """A RUNTIME0xx finding in the findings list; a click selects its callback."""
    return html.Button([
        html.Span([severity_badge(finding.severity),
                   html.Span(finding.code, className="fw-bold me-1 finding-code"),
                   html.Span(finding.name)], className="d-block"),
        html.Span(finding.message, className="d-block small text-break"),
    ], id={"type": ids.RELATED_NODE, "node": callback_node(finding.callbacks[0])},
        type="button",
        className="list-group-item list-group-item-action py-1 px-2 text-start runtime-finding")


def runtime_findings_block(findings: list[Finding]) -> list:
    """The findings list's runtime part: a heading and one item per RUNTIME0xx finding."""
    if not findings:
        return []
    return [html.Div(f"Runtime ({len(findings)})",
                     className="small text-uppercase text-muted px-2 pt-2 runtime-heading"),
            *[runtime_item(f) for f in findings]]
