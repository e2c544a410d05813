"""Cytoscape elements for a set of graph nodes: components hold their properties, callbacks
are labelled by function and classed by kind, edges by dependency kind and severity."""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from explorer.view.catalog import Catalog, callback_kind, plural, worst
from explorer.view.nodes import component_node, element_id, group_node

#: "overview": a large view drawn as pages/modules and clusters that open on click
#: (explorer/view/aggregate.py); small views show every node, as "none" does.
COLLAPSE_MODES = ("none", "component", "group", "overview")


def build_elements(
    graph: nx.DiGraph, catalog: Catalog, nodes: frozenset[str], collapse: str = "none"
) -> list[dict]:
    """The elements showing ``nodes`` (callback and property keys) of the graph.

    ``collapse``: "none" (properties inside component boxes), "component" (one node per
    component) or "group" (one node per page/module, edges counted; drawn as "none" when
    there is only one).
    """
    if collapse == "group" and shown_groups(catalog):
        return _group_elements(graph, catalog, nodes)
    elements: list[dict] = []
    merged: dict[str, str] = {}  # node key -> the key of the node drawn for it
    components: dict[str, list[str]] = defaultdict(list)
    for key in sorted(nodes):
        if key in catalog.component_of:
            components[catalog.component_of[key]].append(key)
    for component, props in components.items():
        comp_key = component_node(component)
        severity = catalog.worst_severity([comp_key, *props])
        # Collapsed, a component is a plain node: "collapsed" sizes its box to its label
        # (the layout spaces boxes, so a label outside its box overlaps its neighbours).
        kind = "component collapsed" if collapse == "component" else "component"
        elements.append(_node(
            comp_key, component, kind, catalog, severity,
            type=catalog.component_type.get(component, "(not in layout)"),
            props=len(props),
        ))
        for prop in props:
            if collapse == "component":
                merged[prop] = comp_key
                continue
            merged[prop] = prop
            elements.append(_node(
                prop, graph.nodes[prop]["property"], "property", catalog,
                catalog.node_severity.get(prop), parent=element_id(comp_key),
            ))
    for key in sorted(k for k in nodes if k in catalog.callbacks):
        cb = catalog.callbacks[key]
        merged[key] = key
        elements.append(_node(
            key, cb.name, f"callback {callback_kind(cb)}", catalog,
            catalog.node_severity.get(key), function=cb.function, location=cb.location,
        ))
    elements.extend(_edges(graph, catalog, nodes, merged))
    return elements


def shown_groups(catalog: Catalog) -> tuple[str, ...]:
    """The pages/modules worth offering as groups: none for a project that has only one
    (a single-file app's one "app" node would hold every callback and edge)."""
    return catalog.groups if len(catalog.groups) > 1 else ()


def group_label(group: str, callbacks: int) -> str:
    """The label of a page/module node: its name and how many callbacks it holds.

    >>> group_label("pages.orders", 3)
    'pages.orders\\n3 callbacks'
    """
    return f"{group}\n{plural(callbacks, 'callback')}"


def _node(key: str, label: str, classes: str, catalog: Catalog, severity: str | None,
          parent: str | None = None, **data: object) -> dict:
    node_data = {"id": element_id(key), "key": key, "label": label,
                 "group": catalog.group_of.get(key, ""), **data}
    if parent:
        node_data["parent"] = parent
    return {"data": node_data, "classes": f"{classes} {severity or ''}".strip()}


def _edges(graph: nx.DiGraph, catalog: Catalog, nodes: frozenset[str],
           merged: dict[str, str]) -> list[dict]:
    edges: dict[tuple[str, str, str], str | None] = {}
    for source, target, kind in graph.subgraph(nodes).edges(data="kind"):
        if source not in merged or target not in merged:
            continue
        drawn = (merged[source], merged[target], kind)
        severity = catalog.edge_severity.get((source, target))
        edges[drawn] = worst([severity or "", edges.get(drawn) or ""])
    return [
        {
            "data": {"id": f"e-{element_id(s)}-{element_id(t)}-{kind}",
                     "source": element_id(s), "target": element_id(t), "kind": kind},
            "classes": f"{kind} {severity or ''}".strip(),
        }
        for (s, t, kind), severity in sorted(edges.items())
    ]


def _group_elements(graph: nx.DiGraph, catalog: Catalog, nodes: frozenset[str]) -> list[dict]:
    """One node per page/module; one edge per pair of groups joined by a data flow."""
    members: dict[str, list[str]] = defaultdict(list)
    for key in nodes:
        members[catalog.group_of.get(key, "")].append(key)
    elements: list[dict] = []
    for group, keys in sorted(members.items()):
        n_callbacks = catalog.count_callbacks(keys)
        elements.append(_node(
            group_node(group), group_label(group, n_callbacks), "group", catalog,
            catalog.worst_severity(keys),
            callbacks=n_callbacks, properties=len(keys) - n_callbacks,
        ))
    flows: Counter[tuple[str, str]] = Counter()
    for source, target in graph.subgraph(nodes).edges:
        a, b = catalog.group_of.get(source, ""), catalog.group_of.get(target, "")
        if a != b:
            flows[(a, b)] += 1
    for (a, b), count in sorted(flows.items()):
        source, target = element_id(group_node(a)), element_id(group_node(b))
        elements.append({
            "data": {"id": f"e-{source}-{target}", "source": source, "target": target,
                     "kind": "flow", "label": str(count)},
            "classes": "flow",
        })
    return elements
