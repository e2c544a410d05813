"""A small directed graph with node and edge data: the part of networkx's ``DiGraph`` lint uses."""

from __future__ import annotations

from typing import Any, Callable, Hashable, Iterable, Iterator

Node = Hashable


class DiGraph:
    """Nodes and directed edges, each with a dict of data, read through the same methods and
    views as ``networkx.DiGraph`` (``nodes[n]``, ``nodes(data=...)``, ``edges[u, v]``,
    ``edges(data=...)``, ``in_edges``/``out_edges``, ``predecessors``/``successors``), so the
    code that reads a callback graph takes either.

    >>> g = DiGraph()
    >>> g.add_edge("a", "b", kind="input")
    >>> g.add_node("a", kind="property")
    >>> list(g.nodes(data="kind")), list(g.edges(data="kind"))
    ([('a', 'property'), ('b', None)], [('a', 'b', 'input')])
    >>> g.edges["a", "b"], list(g.predecessors("b")), "b" in g, len(g)
    ({'kind': 'input'}, ['a'], True, 2)
    """

    def __init__(self) -> None:
        self._node: dict[Node, dict[str, Any]] = {}
        self._succ: dict[Node, dict[Node, dict[str, Any]]] = {}
        self._pred: dict[Node, dict[Node, dict[str, Any]]] = {}

    def add_node(self, node: Node, **data: Any) -> None:
        if node not in self._node:
            self._node[node], self._succ[node], self._pred[node] = {}, {}, {}
        self._node[node].update(data)

    def add_edge(self, u: Node, v: Node, **data: Any) -> None:
        for node in (u, v):
            if node not in self._node:
                self._node[node], self._succ[node], self._pred[node] = {}, {}, {}
        edge = self._succ[u].get(v)
        if edge is None:
            edge = self._succ[u][v] = self._pred[v][u] = {}
        edge.update(data)

    def has_edge(self, u: Node, v: Node) -> bool:
        return u in self._succ and v in self._succ[u]

    def get_edge_data(self, u: Node, v: Node, default: Any = None) -> dict[str, Any] | None:
        return self._succ.get(u, {}).get(v, default)

    def successors(self, node: Node) -> Iterator[Node]:
        return iter(self._succ[node])

    def predecessors(self, node: Node) -> Iterator[Node]:
        return iter(self._pred[node])

    def out_edges(self, node: Node, data: bool | str = False) -> Iterator[tuple]:
        return (_edge(node, v, edge, data) for v, edge in self._succ[node].items())

    def in_edges(self, node: Node, data: bool | str = False) -> Iterator[tuple]:
        return (_edge(u, node, edge, data) for u, edge in self._pred[node].items())

    @property
    def nodes(self) -> "_Nodes":
        return _Nodes(self._node)

    @property
    def edges(self) -> "_Edges":
        return _Edges(self._succ)

    def __contains__(self, node: object) -> bool:
        try:
            return node in self._node
        except TypeError:  # unhashable: never a node, as in networkx
            return False

    def __iter__(self) -> Iterator[Node]:
        return iter(self._node)

    def __len__(self) -> int:
        return len(self._node)


def _edge(u: Node, v: Node, edge: dict[str, Any], data: bool | str) -> tuple:
    if data is False:
        return u, v
    return u, v, edge if data is True else edge.get(data)


class _Nodes:
    """``graph.nodes``: ``nodes[n]`` is a node's data; ``nodes(data=...)`` iterates pairs."""

    def __init__(self, nodes: dict[Node, dict[str, Any]]) -> None:
        self._nodes = nodes

    def __getitem__(self, node: Node) -> dict[str, Any]:
        return self._nodes[node]

    def __iter__(self) -> Iterator[Node]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def __call__(self, data: bool | str = False) -> Iterator:
        if data is False:
            return iter(self._nodes)
        if data is True:
            return iter(self._nodes.items())
        return ((n, d.get(data)) for n, d in self._nodes.items())


class _Edges:
    """``graph.edges``: ``edges[u, v]`` is an edge's data; ``edges(data=...)`` iterates them."""

    def __init__(self, succ: dict[Node, dict[Node, dict[str, Any]]]) -> None:
        self._succ = succ

    def __getitem__(self, pair: tuple[Node, Node]) -> dict[str, Any]:
        return self._succ[pair[0]][pair[1]]

    def __iter__(self) -> Iterator[tuple]:
        return self(False)

    def __call__(self, data: bool | str = False) -> Iterator[tuple]:
        return (_edge(u, v, edge, data) for u, out in self._succ.items() for v, edge in out.items())


def strongly_connected_components(
    nodes: Iterable[Node], successors: Callable[[Node], Iterable[Node]],
) -> list[list[Node]]:
    """The strongly connected components of the graph that ``nodes`` and each node's
    ``successors`` make (either graph type's ``successors``, or a filter of its out-edges),
    in linear time (Tarjan's algorithm, without recursion: a long chain overflows no stack).
    A component comes after every component it reaches, so reversed it is a topological
    order of the condensation.

    >>> edges = {"a": ["b"], "b": ["a", "c"], "c": []}
    >>> strongly_connected_components(edges, edges.__getitem__)
    [['c'], ['b', 'a']]
    """
    number: dict[Node, int] = {}
    low: dict[Node, int] = {}
    stack: list[Node] = []
    on_stack: set[Node] = set()
    found: list[list[Node]] = []
    for root in nodes:
        if root in number:
            continue
        number[root] = low[root] = len(number)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors(root)))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in number:
                    number[child] = low[child] = len(number)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors(child))))
                    break
                if child in on_stack and number[child] < low[node]:
                    low[node] = number[child]
            else:  # every child seen: ``node`` is done
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == number[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    found.append(component)
    return found
