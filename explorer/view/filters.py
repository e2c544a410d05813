"""Which nodes a view shows: filters by page/module, severity, rule and callback kind, and
focus on a selection's upstream/downstream neighbourhood."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace

import networkx as nx

from analysis.findings import Finding
from analysis.graph import downstream, upstream
from analysis.graph_text.aggregate import AGGREGATE_ABOVE
from explorer.view.catalog import Catalog, callback_kind
from explorer.view.nodes import component_of_key

FOCUS_DIRECTIONS = ("off", "upstream", "downstream", "both")
MAX_DEPTH = 10
#: Above this many callbacks the first view shows one node per page/module.
LARGE_GRAPH = AGGREGATE_ABOVE  # the CLI's `graph` export aggregates above it too


def default_collapse(callbacks: int) -> str:
    """How a project opens: large ones as the overview (pages/modules and clusters of
    connected callbacks as nodes that open on click, explorer/view/aggregate.py).

    >>> default_collapse(20), default_collapse(500)
    ('none', 'overview')
    """
    return "overview" if callbacks > LARGE_GRAPH else "none"


@dataclass(frozen=True)
class ViewSpec:
    """A view of a snapshot's graph; hashable, so derived data can be memoised on it."""

    groups: tuple[str, ...] = ()  # pages/modules shown; empty: all
    severities: tuple[str, ...] = ()  # only callbacks with findings of these; empty: all
    rules: tuple[str, ...] = ()  # only callbacks with findings of these codes; empty: all
    kinds: tuple[str, ...] = ()  # callback kinds shown; empty: all
    focus: tuple[str, ...] = ()  # node keys the focus starts from
    direction: str = "off"
    depth: int = 1
    collapse: str = "none"
    # Compare view: only the changed callbacks and their neighbourhood (explorer/comparisons.py)
    changes: bool = False


def control_fields(view_type: type, controls: Mapping[str, object], *, sort: bool) -> dict:
    """The fields of the dataclass ``view_type`` that ``controls`` holds: lists as tuples
    (sorted if ``sort``), empty values as the field's default.

    >>> control_fields(ViewSpec, {"kinds": ["b", "a"], "depth": None, "other": 1}, sort=True)
    {'kinds': ('a', 'b'), 'depth': 1}
    """
    values: dict[str, object] = {}
    for f in fields(view_type):
        if f.name in controls:
            value = controls[f.name]
            if isinstance(f.default, tuple):
                values[f.name] = tuple(sorted(value or ()) if sort else value or ())
            else:
                values[f.name] = value or f.default
    return values


def view_spec(controls: Mapping[str, object], focus: Sequence[str] | None = None) -> ViewSpec:
    """The hashable view the controls' values describe (lists become sorted tuples for the
    caches); the focus and its depth count only while a focus direction is on.

    >>> view_spec({"severities": ["warning", "error"], "depth": 3}, ["cb:1"]).severities
    ('error', 'warning')
    >>> view_spec({"direction": "off", "depth": 3}, ["cb:1"]) == ViewSpec()
    True
    """
    spec = ViewSpec(**control_fields(ViewSpec, controls, sort=True))  # type: ignore[arg-type]
    if spec.direction == "off":
        return replace(spec, focus=(), depth=1)
    return replace(spec, focus=tuple(focus or ()))


def visible_nodes(
    graph: nx.DiGraph, catalog: Catalog, findings: tuple[Finding, ...], spec: ViewSpec
) -> frozenset[str]:
    """Callback and property node keys the view shows.

    Callbacks pass every filter; properties show when a shown callback reads or writes them.
    """
    callbacks = set(catalog.callbacks)
    if spec.groups:
        callbacks = {k for k in callbacks if catalog.group_of.get(k) in spec.groups}
    if spec.kinds:
        callbacks = {k for k in callbacks if callback_kind(catalog.callbacks[k]) in spec.kinds}
    if spec.severities or spec.rules:
        flagged: set[str] = set()
        for finding, nodes in zip(findings, catalog.finding_nodes):
            if spec.severities and finding.severity not in spec.severities:
                continue
            if spec.rules and finding.code not in spec.rules:
                continue
            flagged |= nodes
        callbacks &= flagged
    shown = set(callbacks)
    for key in callbacks:
        shown.update(n for n in nx.all_neighbors(graph, key) if n in catalog.component_of)
    if spec.direction != "off" and spec.focus:
        shown &= focus_nodes(graph, catalog, spec.focus, spec.direction, spec.depth)
    return frozenset(shown)


def focus_nodes(
    graph: nx.DiGraph, catalog: Catalog, start: tuple[str, ...], direction: str, depth: int
) -> set[str]:
    """The start nodes and what lies ``depth`` edges upstream and/or downstream of them.

    A component start node stands for all its properties.
    """
    starts = set()
    for key in start:
        component = component_of_key(key)
        if component is not None:
            starts |= {p for p, c in catalog.component_of.items() if c == component}
        elif key in graph:
            starts.add(key)
    reached = set(starts)
    for node in starts:
        if direction in ("upstream", "both"):
            reached |= upstream(graph, node, depth)
        if direction in ("downstream", "both"):
            reached |= downstream(graph, node, depth)
    return reached
