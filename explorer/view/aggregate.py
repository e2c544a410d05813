"""Large-graph views: pages/modules and clusters of connected callbacks drawn as single nodes
that expand on click, with positions computed on the server."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx

from explorer.view.catalog import Catalog, plural, worst
from explorer.view.elements import build_elements, group_label
from explorer.view.nodes import cluster_node, element_id, group_node, group_of_key
from explorer.view.layering import Box, layered_positions
from explorer.view.filters import LARGE_GRAPH

AGGREGATE_ABOVE = LARGE_GRAPH  # callbacks in an "overview" view: above this it aggregates
#: Callbacks a "none" view draws one by one at most: past it the tab would stall for tens of
#: seconds, so it shows the overview too (filters or focus narrow it down).
DRAW_ALL_LIMIT = 1_500
DETAIL_LIMIT = 60  # a page/module with at most this many callbacks opens straight into detail
HUB_USERS = 25  # a property used by more callbacks than this does not join their clusters
#: The hierarchical layout's positions always come from the server: dagre in the browser costs
#: ~200 ms at 34 nodes and ~9 s at 1,000, the server's layered layout plus cytoscape's preset
#: ~40 ms and ~1.2 s (benchmarks/bench_layout.py, docs/performance.md), and preset is built
#: into cytoscape, so no first drawing waits for dash-cytoscape's extra bundle.
PRESET_LAYOUT = {"name": "preset", "fit": True, "padding": 20, "animate": False}

CHAR_WIDTH, LINE_HEIGHT = 6.5, 16.0


@dataclass(frozen=True)
class Clusters:
    """Callbacks of each page/module split into connected clusters, computed once per snapshot."""

    cluster_of: dict[str, str]  # callback / property key -> cluster key
    members: dict[str, tuple[str, ...]]  # cluster key -> callback and property keys
    group_of: dict[str, str]  # cluster key -> page/module
    label: dict[str, str]  # cluster key -> a readable name

    def group(self, key: str, catalog: Catalog) -> str:
        """The page/module a node is drawn in: its cluster's."""
        cluster = self.cluster_of.get(key)
        return self.group_of[cluster] if cluster else catalog.group_of.get(key, "")


def build_clusters(graph: nx.DiGraph, catalog: Catalog) -> Clusters:
    """Connected parts of each page/module's callbacks and the properties they use.

    A property belongs to the page/module of its first writer (else first reader) and links
    only callbacks there, so clusters never straddle pages: flows between pages stay edges.
    Hub properties (a store read by dozens of callbacks) would glue a whole page into one
    cluster; they join the cluster of their first writer (or reader) without linking others.
    """
    links = nx.Graph()
    links.add_nodes_from(catalog.callbacks)
    hubs: list[str] = []
    for prop in catalog.component_of:
        users = [n for n in [*sorted(graph.predecessors(prop)), *sorted(graph.successors(prop))]
                 if n in catalog.callbacks]
        if len(set(users)) > HUB_USERS:
            hubs.append(prop)
            continue
        links.add_node(prop)
        if users:
            home = catalog.group_of[users[0]]
            links.add_edges_from((prop, u) for u in users if catalog.group_of[u] == home)
    cluster_of: dict[str, str] = {}
    members: dict[str, tuple[str, ...]] = {}
    group_of: dict[str, str] = {}
    numbered: Counter[str] = Counter()
    for part in sorted(nx.connected_components(links), key=lambda part: _sort_key(part, catalog)):
        votes = Counter(catalog.group_of.get(k, "") for k in part if k in catalog.callbacks)
        group = votes.most_common(1)[0][0] if votes else catalog.group_of.get(min(part), "")
        numbered[group] += 1
        key = cluster_node(group, numbered[group])
        members[key] = tuple(sorted(part))
        group_of[key] = group
        cluster_of.update(dict.fromkeys(part, key))
    for prop in hubs:
        users = sorted(graph.predecessors(prop)) + sorted(graph.successors(prop))
        owner = next((cluster_of[u] for u in users if u in cluster_of), None)
        if owner is not None:
            cluster_of[prop] = owner
            members[owner] += (prop,)
    label = {key: _label(keys, catalog) for key, keys in members.items()}
    return Clusters(cluster_of, members, group_of, label)


def _sort_key(part: set[str], catalog: Catalog) -> tuple[int, str]:
    indices = [catalog.callbacks[k].index for k in part if k in catalog.callbacks]
    return (min(indices) if indices else 1 << 30, min(part))


def _label(keys: tuple[str, ...], catalog: Catalog) -> str:
    """The callbacks' common name prefix (``chain3_step*``) or the first name and a count."""
    names = sorted(catalog.callbacks[k].name for k in keys if k in catalog.callbacks)
    if not names:
        return plural(len(keys), "property", "properties")
    if len(names) == 1:
        return names[0]
    prefix = os.path.commonprefix(names).rstrip("._")
    head = f"{prefix}*" if len(prefix) >= 3 else f"{names[0]} …"
    return f"{head}\n{len(names)} callbacks"


def needs_overview(catalog: Catalog, nodes: frozenset[str]) -> bool:
    """Whether a view shows too many callbacks to draw them one by one."""
    return catalog.count_callbacks(nodes) > AGGREGATE_ABOVE


@dataclass(frozen=True)
class OverviewBase:
    """What every expansion of one view shares, computed once per view: which page/module
    and cluster each shown node is in, the flows between clusters, and each cluster's edges.
    An expansion then costs what it draws, not the whole graph."""

    nodes: frozenset[str]
    by_group: dict[str, tuple[str, ...]]  # page/module -> shown node keys
    by_cluster: dict[str, tuple[str, ...]]  # cluster -> shown node keys
    group_callbacks: dict[str, int]
    cluster_flows: dict[tuple[str, str], tuple[int, str | None]]  # count, worst severity
    cluster_edges: dict[str, tuple[tuple[str, str], ...]]  # edges touching a cluster


def overview_base(graph: nx.DiGraph, catalog: Catalog, clusters: Clusters,
                  nodes: frozenset[str]) -> OverviewBase:
    by_group: dict[str, list[str]] = defaultdict(list)
    by_cluster: dict[str, list[str]] = defaultdict(list)
    for key in sorted(nodes):
        by_group[clusters.group(key, catalog)].append(key)
        by_cluster[clusters.cluster_of.get(key, key)].append(key)
    flows: Counter[tuple[str, str]] = Counter()
    severity: dict[tuple[str, str], str | None] = {}
    touching: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for source, target in graph.subgraph(nodes).edges:
        a, b = clusters.cluster_of.get(source, source), clusters.cluster_of.get(target, target)
        touching[a].append((source, target))
        if a != b:
            touching[b].append((source, target))
            flows[(a, b)] += 1
            edge = catalog.edge_severity.get((source, target), "")
            severity[(a, b)] = worst([edge, severity.get((a, b)) or ""])
    return OverviewBase(
        nodes=nodes,
        by_group={g: tuple(keys) for g, keys in by_group.items()},
        by_cluster={c: tuple(keys) for c, keys in by_cluster.items()},
        group_callbacks={g: catalog.count_callbacks(keys) for g, keys in by_group.items()},
        cluster_flows={pair: (count, severity[pair]) for pair, count in flows.items()},
        cluster_edges={c: tuple(edges) for c, edges in touching.items()},
    )


def overview_elements(
    graph: nx.DiGraph, catalog: Catalog, clusters: Clusters, base: OverviewBase,
    expanded: frozenset[str],
) -> list[dict]:
    """Elements of an aggregated view: a shown node is drawn as itself when its cluster (or
    small page/module) is expanded, else by its cluster or page/module node.

    A view with a single page/module starts at its clusters. Positions are included.
    """
    single = len(base.by_group) == 1
    open_groups = {g for g in base.by_group if single or group_node(g) in expanded}
    drawn_as: dict[str, str] = {}  # cluster -> the node drawn for it (itself: see detail)
    detail_clusters: set[str] = set()
    for cluster, keys in base.by_cluster.items():
        group = clusters.group(keys[0], catalog)
        if group not in open_groups:
            drawn_as[cluster] = group_node(group)
            continue
        drawn_as[cluster] = cluster
        if cluster in expanded or cluster not in clusters.members \
                or base.group_callbacks[group] <= DETAIL_LIMIT:
            detail_clusters.add(cluster)
    detail = frozenset(k for c in detail_clusters for k in base.by_cluster[c])

    def shown(key: str) -> str:
        cluster = clusters.cluster_of.get(key, key)
        return key if cluster in detail_clusters else drawn_as[cluster]

    elements = build_elements(graph, catalog, detail) if detail else []
    inside: dict[str, list[str]] = defaultdict(list)
    for cluster, rep in drawn_as.items():
        if cluster not in detail_clusters:
            inside[rep].extend(base.by_cluster[cluster])
    elements += _aggregate_nodes(catalog, clusters, inside)
    flows: Counter[tuple[str, str]] = Counter()
    severity: dict[tuple[str, str], str | None] = {}

    def add(pair: tuple[str, str], count: int, worst_seen: str | None) -> None:
        flows[pair] += count
        severity[pair] = worst([worst_seen or "", severity.get(pair) or ""])

    for (a, b), (count, worst_seen) in base.cluster_flows.items():
        if a not in detail_clusters and b not in detail_clusters and drawn_as[a] != drawn_as[b]:
            add((drawn_as[a], drawn_as[b]), count, worst_seen)
    for cluster in detail_clusters:
        for source, target in base.cluster_edges.get(cluster, ()):
            a, b = shown(source), shown(target)
            if a != b and not (a == source and b == target):
                add((a, b), 1, catalog.edge_severity.get((source, target)))
    elements += [
        {"data": {"id": f"e-{element_id(a)}-{element_id(b)}", "source": element_id(a),
                  "target": element_id(b), "kind": "flow", "label": str(count)},
         "classes": f"flow {severity[(a, b)] or ''}".strip()}
        for (a, b), count in sorted(flows.items())
    ]
    return with_positions(elements)


def _aggregate_nodes(catalog: Catalog, clusters: Clusters, inside: dict[str, list[str]]) -> list[dict]:
    elements = []
    for shown, keys in sorted(inside.items()):
        n_callbacks = catalog.count_callbacks(keys)
        group = group_of_key(shown)
        kind = "cluster" if group is None else "group"
        label = clusters.label[shown] if group is None else group_label(group, n_callbacks)
        severity = catalog.worst_severity(keys)
        elements.append({
            "data": {"id": element_id(shown), "key": shown, "label": label,
                     "group": clusters.group(keys[0], catalog), "callbacks": n_callbacks,
                     "properties": len(keys) - n_callbacks, "expandable": True},
            "classes": f"{kind} aggregate {severity or ''}".strip(),
        })
    return elements


def _box(element: dict) -> Box:
    data = element["data"]
    lines = str(data.get("label", "")).split("\n")
    width = max(len(line) for line in lines) * CHAR_WIDTH + 20
    return Box(data["id"], max(width, 40.0), LINE_HEIGHT * len(lines) + 14)


def with_positions(elements: list[dict]) -> list[dict]:
    """The elements with server-computed ``position``s (left-to-right layers).

    A component is placed as one box with its properties stacked inside it, so compound
    nodes stay compact; cytoscape derives the component's own box from its children.
    """
    children: dict[str, list[dict]] = defaultdict(list)
    boxes: dict[str, Box] = {}
    for element in elements:
        data = element["data"]
        if "source" in data:
            continue
        if "parent" in data:
            children[data["parent"]].append(element)
        else:
            boxes[data["id"]] = _box(element)
    unit_of = {}
    for parent, props in children.items():
        inner = [_box(p) for p in props]
        width = max(b.width for b in inner) + 16
        boxes[parent] = Box(parent, width, sum(b.height + 6 for b in inner) + 24)
        unit_of.update({p["data"]["id"]: parent for p in props})
    edges = [(unit_of.get(e["data"]["source"], e["data"]["source"]),
              unit_of.get(e["data"]["target"], e["data"]["target"]))
             for e in elements if "source" in e["data"]]
    centre = layered_positions(list(boxes.values()), edges)
    placed = []
    for element in elements:
        data = element["data"]
        if "source" in data or data["id"] in children:
            placed.append(element)  # edges, and compound nodes (sized by their children)
            continue
        x, y = centre[unit_of.get(data["id"], data["id"])]
        if data["id"] in unit_of:
            x, y = _slot(children[unit_of[data["id"]]], data["id"], boxes[unit_of[data["id"]]], (x, y))
        placed.append({**element, "position": {"x": x, "y": y}})
    return placed


def _slot(props: list[dict], element: str, unit: Box, centre: tuple[float, float]) -> tuple[float, float]:
    """Where a property sits inside its component's box: stacked top to bottom."""
    y = centre[1] - unit.height / 2 + 20
    for prop in props:
        box = _box(prop)
        if prop["data"]["id"] == element:
            return centre[0], round(y + box.height / 2, 1)
        y += box.height + 6
    return centre
