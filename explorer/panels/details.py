"""The details panel's content for a selected callback, property or component (text only)."""

from __future__ import annotations

import re
from typing import Callable

import dash_bootstrap_components as dbc
from dash import dcc, html

from analysis.errors import ConfigError
from analysis.findings import Finding
from analysis.graph import callback_node, property_node
from analysis.rules import get_rule
from analysis.snapshot import Callback, Dependency
from explorer import ids
from explorer.view.catalog import callback_kind, plural
from explorer.view.nodes import component_of_key, group_of_key
from explorer.services import SnapshotServices
from explorer.view.stylesheet import SEVERITY_COLOURS  # the graph's colours: badges match its legend

READ_EDGES = ("input", "state")
WRITE_EDGES = ("output", "set_props")


def code_block(source: str, language: str) -> dcc.Markdown:
    """Source as a highlighted Markdown code block, fenced so no backtick run can end it."""
    longest = max((len(run) for run in re.findall(r"`+", source)), default=0)
    fence = "`" * max(3, longest + 1)
    return dcc.Markdown(f"{fence}{language}\n{source}\n{fence}", className="source-code")


def node_link(services: SnapshotServices, key: str) -> html.Button:
    """A button selecting another node of the graph."""
    return html.Button(
        services.label(key), id={"type": ids.RELATED_NODE, "node": key},
        className="btn btn-link btn-sm p-0 text-start related-node",
    )


#: More of a callback's details from elsewhere (the runtime overlay's numbers), and the
#: findings as they are to be shown (with a run's evidence).
Extra = Callable[[Callback], list]


def details_panel(services: SnapshotServices, key: str, extra: Extra | None = None,
                  findings: list[Finding] | None = None) -> list:
    """The panel for a node key (callback, property or component), with a clear button;
    ``extra`` adds a section to a callback's, ``findings`` replaces ``services.findings``."""
    component, group = component_of_key(key), group_of_key(key)
    if key in services.catalog.callbacks:
        body = callback_details(services, services.catalog.callbacks[key], extra, findings)
    elif component is not None:
        body = component_details(services, component)
    elif key in services.catalog.component_of:
        body = property_details(services, key)
    elif group is not None:
        body = group_details(services, group)
    elif key in services.clusters.members:
        body = cluster_details(services, key)
    else:
        body = [html.P(f"{key} is not in this snapshot.", className="text-muted")]
    clear = dbc.Button("Clear selection", id=ids.CLEAR_SELECTION, size="sm",
                       color="secondary", outline=True, className="mb-2")
    return [clear, *body]


def callback_details(services: SnapshotServices, cb: Callback, extra: Extra | None = None,
                     shown: list[Finding] | None = None) -> list:
    kind = callback_kind(cb)
    flags = [
        ("multi-output", cb.multi_output), ("no output", cb.no_output),
        ("prevent_initial_call", cb.prevent_initial_call_effective),
        ("allow_duplicate", any(d.allow_duplicate for d in cb.outputs)),
        ("running", bool(cb.running)), ("dropped by Dash", cb.dropped),
        ("from an installed package", cb.library),
        # the kind badge already says clientside/background/async; these are the rest of it
        ("async", cb.is_async and kind != "async"),
        ("background", cb.background and kind != "background"),
    ]
    findings = [f for f in (services.findings if shown is None else shown)
                if cb.index in f.callbacks]
    source = cb.source or cb.js_source
    return [
        html.H5(services.label(callback_node(cb.index)), className="mb-0 text-break"),
        html.Div(cb.function, className="text-muted small text-break"),
        html.Div(cb.location, className="small font-monospace mb-2 text-break"),
        html.Div([dbc.Badge(kind, color="primary", className="me-1")]
                 + [dbc.Badge(name, color="secondary", className="me-1")
                    for name, on in flags if on], className="mb-2"),
        _dependencies("Inputs", services, cb.inputs),
        _dependencies("States", services, cb.states),
        _dependencies("Outputs", services, cb.outputs),
        _dependencies("Running", services, cb.running),
        _dependencies("Progress (set_progress)", services, cb.progress),
        _dependencies("Cancelled by", services, cb.cancel),
        *(extra(cb) if extra else ()),
        html.H6(f"Findings ({len(findings)})", className="mt-3"),
        *[finding_card(f) for f in findings],
        html.H6("Source", className="mt-3"),
        code_block(source, "python" if cb.source else "javascript") if source
        else html.P("No source recorded.", className="text-muted"),
    ]


def _dependencies(title: str, services: SnapshotServices, deps: tuple[Dependency, ...]) -> html.Div:
    if not deps:
        return html.Div()
    items = []
    for dep in deps:
        key = property_node(dep.key)
        label = node_link(services, key) if key in services.graph else html.Span(dep.key)
        extra = [" (allow_duplicate)"] if dep.allow_duplicate else []
        extra += [" (allow_optional)"] if dep.allow_optional else []
        items.append(html.Li([label, *extra]))
    return html.Div([html.H6(title, className="mb-1 mt-2"), html.Ul(items, className="mb-1")])


def severity_badge(severity: str) -> dbc.Badge:
    """A severity as a badge in the graph's colour for it (neutral for an unknown one)."""
    return dbc.Badge(severity, color=SEVERITY_COLOURS.get(severity, "secondary"), className="me-1")


def evidence_lines(finding: Finding) -> list:
    """A finding's evidence from a recorded run, one line each, marked as what the run showed."""
    return [html.Span(f"▶ {line}", className="d-block small text-success runtime-evidence")
            for line in finding.evidence]


def finding_card(finding: Finding, open_rationale: bool = False) -> dbc.Card:
    """A finding with its rule's rationale (folded unless ``open_rationale``)."""
    try:
        rationale = get_rule(finding.code).rationale
    except ConfigError:
        rationale = ""
    return dbc.Card(dbc.CardBody([
        html.Div([
            severity_badge(finding.severity),
            html.Strong(f"{finding.code} {finding.name}"),
        ]),
        html.P(finding.message, className="mb-1 small"),
        *evidence_lines(finding),
        html.Details([html.Summary("Why and how to fix"),
                      dcc.Markdown(rationale, className="rationale")],
                     open=open_rationale)
        if rationale else html.Div(),
    ]), className="mb-2 finding-card")


def property_details(services: SnapshotServices, key: str) -> list:
    data = services.graph.nodes[key]
    component = services.catalog.component_of[key]
    return [
        html.H5(f"{component}.{data['property']}", className="text-break"),
        html.Div(services.catalog.component_type.get(component, "not in any layout"),
                 className="text-muted small mb-2"),
        *_readers_writers(services, key),
    ]


def component_details(services: SnapshotServices, component: str) -> list:
    props = sorted(k for k, c in services.catalog.component_of.items() if c == component)
    sections = []
    for key in props:
        sections.append(html.H6(services.graph.nodes[key]["property"], className="mt-3"))
        sections.extend(_readers_writers(services, key))
    return [
        html.H5(component, className="text-break"),
        html.Div(services.catalog.component_type.get(component, "not in any layout"),
                 className="text-muted small mb-2"),
        html.Div(f"{plural(len(props), 'property', 'properties')} used by callbacks",
                 className="small"),
        *sections,
    ]


def group_details(services: SnapshotServices, group: str) -> list:
    """A collapsed page/module: its callbacks, each a link to its details."""
    callbacks = sorted(k for k in services.catalog.callbacks
                       if services.catalog.group_of.get(k) == group)
    return [
        html.H5(group, className="text-break"),
        html.Div(plural(len(callbacks), "callback"), className="small text-muted mb-2"),
        _links(services, callbacks),
    ]


def cluster_details(services: SnapshotServices, key: str) -> list:
    """A cluster of the overview: connected callbacks of one page/module, each a link."""
    callbacks = sorted((k for k in services.clusters.members[key] if k in services.catalog.callbacks),
                       key=lambda k: services.catalog.callbacks[k].index)
    return [
        html.H5(services.clusters.label[key].split("\n")[0], className="text-break"),
        html.Div(f"{plural(len(callbacks), 'connected callback')} in "
                 f"{services.clusters.group_of[key]}",
                 className="small text-muted mb-2"),
        _links(services, callbacks),
    ]


#: A details list longer than this (a 5,000-callback module) shows its start and a count.
MAX_LINKS = 100


def _links(services: SnapshotServices, keys: list[str]) -> html.Ul:
    items = [html.Li(node_link(services, k)) for k in keys[:MAX_LINKS]]
    if len(keys) > MAX_LINKS:
        items.append(html.Li(f"… and {len(keys) - MAX_LINKS} more (search or filter to reach "
                             "them)", className="text-muted small"))
    return html.Ul(items)


def _readers_writers(services: SnapshotServices, key: str) -> list:
    graph = services.graph
    writers = [s for s, _, k in graph.in_edges(key, data="kind") if k in WRITE_EDGES]
    readers = [t for _, t, k in graph.out_edges(key, data="kind") if k in READ_EDGES]
    rows = []
    for title, nodes in (("Written by", writers), ("Read by", readers)):
        links = [html.Li(node_link(services, n)) for n in sorted(nodes)
                 if n in services.catalog.callbacks]
        rows.append(html.Div([html.Span(f"{title}: ", className="small fw-bold"),
                              html.Ul(links, className="mb-1") if links
                              else html.Span("nobody", className="small text-muted")]))
    return rows

