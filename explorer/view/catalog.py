"""Per-snapshot lookup tables the views need: groups, kinds, severities of nodes and edges."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

import networkx as nx

from analysis.findings import SEVERITIES, Finding
from analysis.graph_text.aggregate import page_or_module
from analysis.graph import callback_node, property_node
from analysis.rules._naming import told_apart
from analysis.snapshot import Callback, Snapshot
from explorer.view.nodes import component_node

SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
CALLBACK_KINDS = ("server", "clientside", "background", "async")
NOT_IN_LAYOUT = "(not in any layout)"


def callback_kind(callback: Callback) -> str:
    """How a callback runs: server, clientside, background or async.

    >>> callback_kind(Callback(0, "m.f", is_async=True))
    'async'
    """
    if callback.kind == "clientside":
        return "clientside"
    if callback.background:
        return "background"
    return "async" if callback.is_async else "server"


def plural(count: int, word: str, words: str | None = None) -> str:
    """A count and its noun, singular for one.

    >>> plural(1, "property", "properties"), plural(2, "callback"), plural(0, "callback")
    ('1 property', '2 callbacks', '0 callbacks')
    """
    return f"{count} {word if count == 1 else words or word + 's'}"


def callback_group(callback: Callback) -> str:
    """The module a callback belongs to (from its file when the probe saw no module).

    >>> callback_group(Callback(0, "clientside:inline.x", file="pages/a.py"))
    'pages.a'
    """
    return page_or_module(callback.module, callback.file)


def worst(severities: list[str]) -> str | None:
    """The most severe of several severities, or None."""
    known = [s for s in severities if s in SEVERITY_RANK]
    return min(known, key=SEVERITY_RANK.__getitem__) if known else None


@dataclass(frozen=True)
class Catalog:
    """What each node is and belongs to, computed once per snapshot."""

    callbacks: dict[str, Callback]  # callback node key -> Callback (internal ones left out)
    component_of: dict[str, str]  # property node key -> component id text
    component_type: dict[str, str]  # component id text -> "namespace.Type"
    group_of: dict[str, str]  # callback / property / component node key -> page or module
    node_severity: dict[str, str]
    edge_severity: dict[tuple[str, str], str]
    finding_nodes: tuple[frozenset[str], ...]  # per finding: the nodes involved
    groups: tuple[str, ...] = field(default=())
    #: callback node key -> its name, told apart by its Outputs from callbacks of the same name
    names: dict[str, str] = field(default_factory=dict)

    def count_callbacks(self, keys: Iterable[str]) -> int:
        """How many of the node keys are callbacks (internal ones are not)."""
        return sum(1 for key in keys if key in self.callbacks)

    def worst_severity(self, keys: Iterable[str]) -> str | None:
        """The worst severity of a finding on any of the node keys, or None."""
        return worst([self.node_severity.get(key, "") for key in keys])


def build_catalog(snapshot: Snapshot, graph: nx.DiGraph, findings: tuple[Finding, ...]) -> Catalog:
    """Index the snapshot's nodes for filtering, grouping and colouring."""
    return with_findings(build_structure(snapshot, graph), graph, findings)


def build_structure(snapshot: Snapshot, graph: nx.DiGraph) -> Catalog:
    """The catalog without findings (no severities): all that clusters and the search index
    read, so a server can build them while another process is still linting the snapshot."""
    callbacks = {
        callback_node(cb.index): cb for cb in snapshot.callbacks if not cb.internal
    }
    component_type: dict[str, str] = {}
    layout_of: dict[str, str] = {}
    for component in snapshot.components:
        component_type.setdefault(component.id_str, component.type)
        layout_of.setdefault(component.id_str, component.layout)
    group_of: dict[str, str] = {}
    component_of: dict[str, str] = {}
    for key, cb in callbacks.items():
        group_of[key] = callback_group(cb)
    for node, data in graph.nodes(data=True):
        if data["kind"] != "property":
            continue
        component = data["component"]
        component_of[node] = component
        group = layout_of.get(component) or _group_of_neighbours(graph, node, group_of)
        group_of[node] = group
        group_of.setdefault(component_node(component), group)
    return Catalog(
        callbacks=callbacks,
        component_of=component_of,
        component_type=component_type,
        group_of=group_of,
        node_severity={},
        edge_severity={},
        finding_nodes=(),
        groups=tuple(sorted(set(group_of.values()))),
        names={callback_node(index): name
               for index, name in told_apart(callbacks.values()).items()},
    )


def with_findings(structure: Catalog, graph: nx.DiGraph, findings: tuple[Finding, ...]
                  ) -> Catalog:
    """``build_structure``'s catalog with the findings' severities on nodes and edges."""
    finding_nodes = tuple(_nodes_of(finding) for finding in findings)
    node_severity: dict[str, str] = {}
    edge_severity: dict[tuple[str, str], str] = {}
    for finding, nodes in zip(findings, finding_nodes):
        for node in nodes:
            node_severity[node] = worst([finding.severity, node_severity.get(node, "")])
        for edge in _edges_among(graph, nodes):
            edge_severity[edge] = worst([finding.severity, edge_severity.get(edge, "")])
    return replace(structure, node_severity=node_severity, edge_severity=edge_severity,
                   finding_nodes=finding_nodes)


def _group_of_neighbours(graph: nx.DiGraph, node: str, group_of: dict[str, str]) -> str:
    """A property of a component in no layout belongs to the module of a callback using it."""
    for neighbour in sorted(nx.all_neighbors(graph, node)):
        if neighbour in group_of:
            return group_of[neighbour]
    return NOT_IN_LAYOUT


def _edges_among(graph: nx.DiGraph, nodes: frozenset[str]) -> Iterator[tuple[str, str]]:
    """The edges between a finding's nodes. From each node, whichever is smaller is walked:
    its successors or the finding's nodes. A subgraph view walked every successor, so one
    property written by N callbacks, named in N findings, cost N² (bounded work, issue 13)."""
    for source in nodes:
        if source not in graph:
            continue
        successors = graph.succ[source]
        if len(successors) <= len(nodes):
            yield from ((source, target) for target in successors if target in nodes)
        else:
            yield from ((source, target) for target in nodes if target in successors)


def _nodes_of(finding: Finding) -> frozenset[str]:
    nodes = {callback_node(i) for i in finding.callbacks}
    nodes |= {property_node(key) for key in finding.properties}
    nodes |= {component_node(c) for c in finding.components}
    return frozenset(nodes)
