"""Hierarchical (left-to-right) node positions computed on the server, for graphs too big for
dagre in the browser: layers by longest path, barycenter ordering, disconnected parts packed."""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

LAYER_GAP = 70.0  # horizontal space between two layers
NODE_GAP = 14.0  # vertical space between two nodes of a layer
PART_GAP = 60.0  # space around each disconnected part when packing them
ASPECT = 1.6  # packed parts aim at a landscape canvas like the graph panel
SWEEPS = 4  # barycenter passes (down and up) ordering each layer


@dataclass(frozen=True)
class Box:
    """A unit to place: a node (or a component with its properties) and its size."""

    key: str
    width: float
    height: float


def layered_positions(boxes: list[Box], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """The centre of each box: edges flow left to right, parts are packed in rows.

    Cycles are allowed (a strongly connected part shares one layer).

    >>> pos = layered_positions([Box("a", 10, 10), Box("b", 10, 10)], [("a", "b")])
    >>> pos["a"][0] < pos["b"][0], pos["a"][1] == pos["b"][1]
    (True, True)
    """
    size = {box.key: box for box in boxes}
    graph = nx.DiGraph()
    graph.add_nodes_from(size)
    graph.add_edges_from((s, t) for s, t in edges if s in size and t in size and s != t)
    parts = []
    for members in sorted(nx.weakly_connected_components(graph), key=lambda m: min(m)):
        parts.append(_layout_part(graph.subgraph(members), size))
    return _pack(parts)


def _layout_part(graph: nx.DiGraph, size: dict[str, Box]) -> tuple[dict, float, float]:
    """Positions relative to the part's top-left corner, and the part's width and height."""
    if len(graph) == 1:  # most parts of an overview: one cluster node, no layering needed
        box = size[next(iter(graph))]
        return {box.key: (box.width / 2, box.height / 2)}, box.width, box.height
    layers = _layers(graph)
    ordered = _order(graph, layers)
    positions: dict[str, tuple[float, float]] = {}
    x = 0.0
    heights = [sum(size[k].height for k in layer) + NODE_GAP * (len(layer) - 1) for layer in ordered]
    tallest = max(heights)
    for layer, height in zip(ordered, heights):
        width = max(size[k].width for k in layer)
        y = (tallest - height) / 2
        for key in layer:
            positions[key] = (x + width / 2, y + size[key].height / 2)
            y += size[key].height + NODE_GAP
        x += width + LAYER_GAP
    return positions, x - LAYER_GAP, tallest


def _layers(graph: nx.DiGraph) -> list[list[str]]:
    """Longest-path layering of the condensation (a cycle's nodes share a layer)."""
    dag = nx.condensation(graph)
    rank: dict[int, int] = {}
    for scc in nx.topological_sort(dag):
        rank[scc] = max((rank[p] + 1 for p in dag.predecessors(scc)), default=0)
    layers: list[list[str]] = [[] for _ in range(max(rank.values()) + 1)]
    for scc, members in dag.nodes(data="members"):
        layers[rank[scc]].extend(sorted(members))
    return layers


def _order(graph: nx.DiGraph, layers: list[list[str]]) -> list[list[str]]:
    """Reorder each layer by the mean position of its neighbours in the previous one."""
    index = {key: i for layer in layers for i, key in enumerate(layer)}
    for sweep in range(SWEEPS):
        downward = sweep % 2 == 0
        sequence = layers[1:] if downward else layers[-2::-1]
        for layer in sequence:
            def barycenter(key: str) -> float:
                near = graph.predecessors(key) if downward else graph.successors(key)
                spots = [index[n] for n in near]
                return sum(spots) / len(spots) if spots else index[key]
            layer.sort(key=barycenter)
            index.update({key: i for i, key in enumerate(layer)})
    return layers


def _pack(parts: list[tuple[dict, float, float]]) -> dict[str, tuple[float, float]]:
    """Shelf-pack the parts in rows (tallest first) into a roughly ASPECT-shaped canvas."""
    area = sum((w + PART_GAP) * (h + PART_GAP) for _, w, h in parts)
    row_width = max(math.sqrt(area * ASPECT), max((w for _, w, _ in parts), default=0))
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for positions, width, height in sorted(parts, key=lambda p: -p[2]):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + PART_GAP, 0.0
        for key, (px, py) in positions.items():
            placed[key] = (round(x + px, 1), round(y + py, 1))
        x += width + PART_GAP
        row_height = max(row_height, height)
    return placed
