"""The current view as text (Mermaid, DOT, GraphML, Cytoscape JSON) through analysis.graph_text."""

from __future__ import annotations

from typing import Iterable

import networkx as nx

from analysis.graph_text.formats import FORMATS, export_graph
from analysis.snapshot import Snapshot

TEXT_SUFFIX = {"mermaid": ".mmd", "dot": ".dot", "graphml": ".graphml", "cytoscape": ".json"}


def elements_graph(elements: Iterable[dict]) -> nx.DiGraph:
    """What the view draws as a graph: one node per drawn node (a component box holding
    drawn properties is not a node: its properties are, labelled ``component.property``),
    one edge per drawn edge with its kind (``flow`` edges of the overview keep their count).

    >>> g = elements_graph([
    ...     {"data": {"id": "c", "label": "grid", "kind": "component"}, "classes": "component"},
    ...     {"data": {"id": "p", "label": "value", "parent": "c"}, "classes": "property"},
    ...     {"data": {"id": "f", "label": "update"}, "classes": "callback"},
    ...     {"data": {"id": "e", "source": "p", "target": "f", "kind": "input"}}])
    >>> sorted(g.nodes(data="label")), list(g.edges(data="kind"))
    ([('f', 'update'), ('p', 'grid.value')], [('p', 'f', 'input')])
    """
    elements = list(elements)
    nodes = [e["data"] for e in elements if "source" not in e["data"]]
    label = {d["id"]: str(d.get("label", d["id"])).replace("\n", " ") for d in nodes}
    parents = {d["parent"] for d in nodes if d.get("parent")}
    graph = nx.DiGraph()
    for element in elements:
        data = element["data"]
        if "source" in data or data["id"] in parents:
            continue
        classes = str(element.get("classes", "")).split()
        kind = "callback" if "callback" in classes else (classes[0] if classes else "node")
        text = label[data["id"]]
        if data.get("parent"):
            text = f"{label[data['parent']]}.{text}"
        graph.add_node(data["id"], kind=kind, label=text)
    for element in elements:
        data = element["data"]
        if "source" in data and data["source"] in graph and data["target"] in graph:
            attrs = {"kind": str(data.get("kind") or "edge")}
            if data.get("kind") == "flow":
                attrs["label"] = str(data.get("label", ""))
            graph.add_edge(data["source"], data["target"], **attrs)
    return graph


def everything_graph(snapshot: Snapshot, visible: frozenset[str]) -> nx.DiGraph:
    """Every callback and property the view's filters and focus keep, none aggregated."""
    graph = export_graph(snapshot)
    return nx.DiGraph(graph.subgraph(n for n in graph if n in visible))


def view_text(graph: nx.DiGraph, fmt: str) -> str:
    """``graph`` written in ``fmt`` (a key of analysis.graph_text's FORMATS)."""
    return FORMATS[fmt](graph)
