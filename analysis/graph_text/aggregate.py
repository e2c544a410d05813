"""A large exported graph aggregated as the explorer's overview does: one node per page/module."""

from __future__ import annotations

from collections import Counter

import networkx as nx

#: Callbacks above which a graph is exported aggregated (the explorer aggregates its view
#: above the same count: explorer/view/filters.py imports it).
AGGREGATE_ABOVE = 150


def callback_count(graph: nx.DiGraph) -> int:
    return sum(1 for _, kind in graph.nodes(data="kind") if kind == "callback")


def page_or_module(module: str | None, file: str | None) -> str:
    """The page/module a callback belongs to (from its file when the probe saw no module);
    the explorer groups its overview by the same (explorer/view/catalog.py).

    >>> page_or_module("__main__", "pages/a.py")
    'pages.a'
    """
    if module and module != "__main__":
        return module
    if file and file.endswith(".py") and not file.startswith("/"):
        return file[:-3].replace("/", ".")
    return file or "(unknown module)"


def aggregate_graph(graph: nx.DiGraph, note: str = "") -> nx.DiGraph:
    """``graph`` (from ``export_graph``) with its callbacks drawn as one ``group`` node per
    page/module (a one-module project: per connected part), each property in the group of
    its first writer (else first reader), edges counting the flows between groups.

    >>> g = nx.DiGraph()
    >>> g.add_node("cb:0", kind="callback", label="f", file="a.py")
    >>> g.add_node("cb:1", kind="callback", label="g", file="b.py")
    >>> g.add_node("prop:x.value", kind="property", label="x.value")
    >>> g.add_edges_from([("cb:0", "prop:x.value"), ("prop:x.value", "cb:1")], kind="input")
    >>> sorted(aggregate_graph(g).edges(data="label"))
    [('group:a', 'group:b', '1')]
    """
    callbacks = [n for n, kind in graph.nodes(data="kind") if kind == "callback"]
    group_of = {n: page_or_module(graph.nodes[n].get("module"), graph.nodes[n].get("file"))
                for n in callbacks}
    if len(set(group_of.values())) <= 1:
        for number, part in enumerate(sorted(nx.weakly_connected_components(graph), key=min)):
            group_of.update({n: f"part {number + 1}" for n in part if n in group_of})
    for node, kind in graph.nodes(data="kind"):
        if kind != "callback":
            users = sorted(graph.predecessors(node)) + sorted(graph.successors(node))
            group_of[node] = next((group_of[u] for u in users if u in group_of), "(unused)")
    sizes = Counter(group_of[n] for n in callbacks)
    shown = nx.DiGraph(note=note) if note else nx.DiGraph()
    for group in sorted(set(group_of.values())):
        shown.add_node(f"group:{group}", kind="group", label=f"{group} ({sizes[group]} callbacks)",
                       callbacks=sizes[group])
    flows = Counter((group_of[u], group_of[v]) for u, v in graph.edges
                    if group_of[u] != group_of[v])
    for (a, b), count in sorted(flows.items()):
        shown.add_edge(f"group:{a}", f"group:{b}", kind="flow", label=str(count))
    return shown
