"""The callback graph: property and callback nodes joined by input/state/output/set_props/match edges."""

from __future__ import annotations

from collections import defaultdict, deque
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Union

from analysis.digraph import DiGraph, strongly_connected_components
from analysis.patterns import OverlapIndex, ids_overlap, pattern_group
from analysis.snapshot import Callback, Dependency, Snapshot
from analysis.source.python import FunctionNode, parse_function, set_props_targets

if TYPE_CHECKING:
    import networkx as nx

#: A callback graph: networkx's (the explorer's views run its algorithms) or lint's own
#: ``analysis.digraph.DiGraph`` (no networkx to import); everything here reads either.
Graph = Union["nx.DiGraph", DiGraph]

#: The kinds that open node keys (``cb:3``, ``prop:total.children``): made and read back here only.
_CALLBACK, _PROPERTY = "cb", "prop"


def callback_node(index: int) -> str:
    """The node key of a callback.

    >>> callback_node(3)
    'cb:3'
    """
    return f"{_CALLBACK}:{index}"


def callback_index(key: str) -> int | None:
    """The index of the callback a node key names (``callback_node`` read back), else None.

    >>> callback_index(callback_node(3)), callback_index(property_node("a.value"))
    (3, None)
    """
    kind, _, index = key.partition(":")
    return int(index) if kind == _CALLBACK and index.isdigit() else None


def property_node(dep_key: str) -> str:
    """The node key of a component property (``Dependency.key``).

    >>> property_node(Dependency("total", "children").key)
    'prop:total.children'
    """
    return f"{_PROPERTY}:{dep_key}"


def serving_app(snapshot: Snapshot, callback: Callback) -> str | None:
    """The name of the app that serves a callback: its own, else the primary (``dash.callback``)."""
    if callback.app is not None:
        return callback.app
    return next((a.name for a in snapshot.apps if a.primary), None)


#: Each server callback's ``set_props`` writes by index, as ``python_set_props`` gives them.
Writes = Mapping[int, list[tuple[str | dict, str]]]


def build_graph(
    snapshot: Snapshot, function_of: Callable[[Callback], FunctionNode | None] | None = None,
    graph_type: Callable[[], Graph] | None = None,
    known: Writes | None = None,
) -> Graph:
    """The callback graph of a snapshot (internal callbacks included, flagged ``internal``).

    ``function_of`` gives a callback's parsed function (for its ``set_props`` writes); by
    default its recorded source is parsed. ``graph_type`` makes the empty graph filled:
    ``networkx.DiGraph`` by default, ``analysis.digraph.DiGraph`` for lint alone.
    ``known``: the writes of server callbacks found before (``python_set_props``, kept by
    the process that linted the snapshot): a callback in it is not parsed again.

    >>> from analysis.snapshot import Callback, Dependency, Snapshot
    >>> cb = Callback(0, "app.f", inputs=(Dependency("a", "value"),),
    ...               outputs=(Dependency("b", "children"),))
    >>> g = build_graph(Snapshot(target="app.py", root=".", callbacks=(cb,)))
    >>> sorted(g.edges(data="kind"))
    [('cb:0', 'prop:b.children', 'output'), ('prop:a.value', 'cb:0', 'input')]
    """
    if graph_type is None:
        import networkx as nx  # here, not at the top: lint alone never pays for its import

        graph_type = nx.DiGraph
    graph = graph_type()
    for cb in snapshot.callbacks:
        node = callback_node(cb.index)
        graph.add_node(
            node, kind="callback", callback=cb, app=serving_app(snapshot, cb),
            internal=cb.internal,
        )
        for dep in cb.inputs:
            _add_read(graph, dep, node, "input")
        for dep in cb.states:
            _add_read(graph, dep, node, "state")
        for dep in cb.outputs:
            prop = _add_dependency(graph, dep)
            previous = graph.get_edge_data(node, prop)
            plain_before = previous is not None and not previous["allow_duplicate"]
            graph.add_edge(
                node, prop, kind="output",
                allow_duplicate=dep.allow_duplicate and not plain_before,
            )
        writes = (known[cb.index] if known is not None and cb.kind != "clientside"
                  and cb.index in known else set_props_writes(cb, function_of or _parse))
        for component_id, prop_name in writes:
            prop = _add_property(graph, component_id, prop_name)
            if not graph.has_edge(node, prop):
                graph.add_edge(node, prop, kind="set_props")
    _add_match_edges(graph)
    return graph


def set_props_writes(callback: Callback, function_of: Callable[[Callback], FunctionNode | None]
                     ) -> list[tuple[str | dict, str]]:
    """(component id, property) of a callback's literal ``set_props`` writes: in its inline
    clientside JS, or in its Python body (``function_of`` parses it, asked only when the
    source mentions set_props: parsing every body is costly on big apps)."""
    if callback.kind == "clientside":
        from analysis.source.javascript import js_set_props_targets  # here: its regexes

        return js_set_props_targets(callback.js_source)
    if not callback.source or "set_props" not in callback.source:
        return []
    function = function_of(callback)
    return set_props_targets(function) if function is not None else []


def python_set_props(snapshot: Snapshot, function_of: Callable[[Callback], FunctionNode | None]
                     ) -> dict[int, list[tuple[str | dict, str]]]:
    """``set_props_writes`` of every server callback that needs a parse for them (its source
    mentions ``set_props``), by index: what ``build_graph`` may be given as ``known``."""
    return {cb.index: set_props_writes(cb, function_of) for cb in snapshot.callbacks
            if cb.kind != "clientside" and cb.source and "set_props" in cb.source}


def _parse(callback: Callback) -> FunctionNode | None:
    return parse_function(callback.source)


def _add_property(graph: Graph, component_id: str | dict, prop: str) -> str:
    return _add_dependency(graph, Dependency(component_id, prop))


def _add_dependency(graph: Graph, dep: Dependency) -> str:
    node = property_node(dep.key)
    if node not in graph:
        graph.add_node(
            node, kind="property", component=dep.id_str, property=dep.property,
            pattern=dep.is_pattern, id=dep.id,
        )
    return node


def _add_read(graph: Graph, dep: Dependency, callback: str, kind: str) -> None:
    prop = _add_dependency(graph, dep)
    if kind == "state" and graph.has_edge(prop, callback):
        return  # an Input and a State on one property: the Input is what matters
    graph.add_edge(prop, callback, kind=kind)


def _add_match_edges(graph: Graph) -> None:
    """Edges from each written dict-id property to each different read one it overlaps."""
    written: dict[tuple, list[str]] = defaultdict(list)
    read: dict[tuple, list[str]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        if data["kind"] != "property":
            continue
        group = pattern_group(data["id"], data["property"])
        if group is None:
            continue
        if any(graph.nodes[p]["kind"] == "callback" for p in graph.predecessors(node)):
            written[group].append(node)
        if any(kind != "match" for _, _, kind in graph.out_edges(node, data="kind")):
            read[group].append(node)
    for group, sources in written.items():
        every_read, pattern_read = OverlapIndex(), OverlapIndex()
        for target in read.get(group, ()):
            every_read.add(graph.nodes[target]["id"], target)
            if graph.nodes[target]["pattern"]:
                pattern_read.add(graph.nodes[target]["id"], target)
        for source in sources:
            data = graph.nodes[source]
            index = every_read if data["pattern"] else pattern_read
            for target in index.overlapping(data["id"]):
                if target != source:
                    graph.add_edge(source, target, kind="match")


def callbacks_in(graph: Graph, nodes: Iterable[str]) -> list[Callback]:
    """The callbacks among ``nodes``, by index."""
    found = [graph.nodes[n]["callback"] for n in nodes if graph.nodes[n]["kind"] == "callback"]
    return sorted(found, key=lambda cb: cb.index)


def writers(graph: Graph, dep_key: str) -> list[Callback]:
    """Every callback that writes a property: Outputs and ``set_props``, overlapping patterns
    included (a callback writing ``{"index": ALL}.value`` writes ``{"index": 1}.value``).

    >>> from analysis.snapshot import Callback, Dependency, Snapshot
    >>> a = Callback(0, "app.a", outputs=(Dependency("n", "data"),))
    >>> b = Callback(1, "app.b", outputs=(Dependency("n", "data", allow_duplicate=True),))
    >>> g = build_graph(Snapshot(target="app.py", root=".", callbacks=(a, b)))
    >>> [cb.function for cb in writers(g, "n.data")]
    ['app.a', 'app.b']
    """
    node = property_node(dep_key)
    if node not in graph:
        return []
    data = graph.nodes[node]
    group = pattern_group(data["id"], data["property"])
    props = [node]
    if group is not None:
        props += [
            other for other, odata in graph.nodes(data=True)
            if other != node and odata["kind"] == "property"
            and pattern_group(odata["id"], odata["property"]) == group
            and (odata["pattern"] or data["pattern"]) and ids_overlap(odata["id"], data["id"])
        ]
    found = {
        cb for prop in props for cb in graph.predecessors(prop)
        if graph.nodes[cb]["kind"] == "callback"
    }
    return callbacks_in(graph, found)


def downstream(graph: Graph, node: str, depth: int) -> set[str]:
    """Nodes reachable from ``node`` in at most ``depth`` edges (``node`` itself excluded).

    Match edges are not chained: reaching a property through a match edge does not lead on
    through another match edge (overlap of ids is not transitive).

    >>> from analysis.snapshot import Callback, Dependency, Snapshot
    >>> cb = Callback(0, "app.f", inputs=(Dependency("a", "value"),),
    ...               outputs=(Dependency("b", "children"),))
    >>> g = build_graph(Snapshot(target="app.py", root=".", callbacks=(cb,)))
    >>> sorted(downstream(g, "prop:a.value", 1)), sorted(downstream(g, "prop:a.value", 2))
    (['cb:0'], ['cb:0', 'prop:b.children'])
    """
    return _reach(graph, node, depth, forward=True)


def upstream(graph: Graph, node: str, depth: int) -> set[str]:
    """Nodes from which ``node`` is reached in at most ``depth`` edges (``node`` excluded).

    >>> from analysis.snapshot import Callback, Dependency, Snapshot
    >>> cb = Callback(0, "app.f", inputs=(Dependency("a", "value"),),
    ...               outputs=(Dependency("b", "children"),))
    >>> g = build_graph(Snapshot(target="app.py", root=".", callbacks=(cb,)))
    >>> sorted(upstream(g, "prop:b.children", 5))
    ['cb:0', 'prop:a.value']
    """
    return _reach(graph, node, depth, forward=False)


def _reach(graph: Graph, start: str, depth: int, forward: bool) -> set[str]:
    seen: set[tuple[str, bool]] = {(start, False)}
    found: set[str] = set()
    queue = deque([(start, 0, False)])
    edges = graph.out_edges if forward else graph.in_edges
    while queue:
        node, hops, via_match = queue.popleft()
        if hops >= depth:
            continue
        for u, v, kind in edges(node, data="kind"):
            if kind == "match" and via_match:
                continue
            nxt = v if forward else u
            state = (nxt, kind == "match")
            if state in seen:
                continue
            seen.add(state)
            if nxt != start:
                found.add(nxt)
            queue.append((nxt, hops + 1, kind == "match"))
    return found


def cycles(
    graph: Graph, closes: Callable[[dict], bool] | None = None,
) -> list[list[Callback]]:
    """Groups of two or more callbacks of one app that trigger one another in a loop.

    Found from the strongly connected components (linear time) of the flow graph: Input,
    Output, ``set_props`` and match edges (never State), with each property split into a
    written and a read node so that match edges never chain. A callback whose Output is its
    own Input is alone in its group and so not reported. ``closes`` picks, by their edge
    data, the Output and ``set_props`` edges that count (all of them by default), e.g. only
    the plain Outputs that Dash's own load-time check sees.

    >>> from analysis.snapshot import Callback, Dependency, Snapshot
    >>> a = Callback(0, "app.a", inputs=(Dependency("x", "value"),),
    ...              outputs=(Dependency("y", "value"),))
    >>> b = Callback(1, "app.b", inputs=(Dependency("y", "value"),),
    ...              outputs=(Dependency("x", "value", allow_duplicate=True),))
    >>> g = build_graph(Snapshot(target="app.py", root=".", callbacks=(a, b)))
    >>> [[cb.function for cb in group] for group in cycles(g)]
    [['app.a', 'app.b']]
    """
    # Every loop of the flow graph below is also a loop of the callback graph, so only
    # edges inside one of its non-trivial strongly connected components can close one:
    # on a large app without loops the flow graph is never built.
    component_of: dict[str, int] = {}
    for number, component in enumerate(strongly_connected_components(graph, graph.successors)):
        if len(component) >= 3:  # two callbacks and one property they both read and write
            component_of.update(dict.fromkeys(component, number))
    flow = DiGraph()
    for u, v, kind in graph.edges(data="kind"):
        if u not in component_of or component_of[u] != component_of.get(v):
            continue
        if kind == "input":
            app = graph.nodes[v]["app"]
            flow.add_edge(("r", app, u), v)
        elif kind in ("output", "set_props") and (closes is None or closes(graph.edges[u, v])):
            app = graph.nodes[u]["app"]
            flow.add_edge(u, ("w", app, v))
    for node in list(flow):
        if isinstance(node, tuple) and node[0] == "w":
            _, app, prop = node
            for target in [prop] + [t for _, t, k in graph.out_edges(prop, data="kind") if k == "match"]:
                if ("r", app, target) in flow:
                    flow.add_edge(node, ("r", app, target))
    groups = []
    for component in strongly_connected_components(flow, flow.successors):
        if len(component) < 4:  # two callbacks need at least two property nodes between them
            continue
        members = callbacks_in(graph, (n for n in component if isinstance(n, str)))
        if len(members) >= 2:
            groups.append(members)
    return sorted(groups, key=lambda group: group[0].index)


__all__ = [
    "build_graph", "callback_node", "callbacks_in", "cycles", "downstream",
    "ids_overlap", "property_node", "python_set_props", "serving_app", "set_props_writes",
    "upstream", "writers",
]
