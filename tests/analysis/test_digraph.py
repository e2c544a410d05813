"""Lint's own graph type (``analysis.digraph``): it reads like networkx's DiGraph, its strongly
connected components are networkx's, and every rule finds the same on either graph."""

from __future__ import annotations

import random
import subprocess
import sys

import networkx as nx
import pytest

from analysis.context import LintContext
from analysis.digraph import DiGraph, strongly_connected_components
from analysis.graph import build_graph, cycles
from analysis.lint import lint
from analysis.probe.runner import snapshot_target
from analysis.settings import LintSettings
from analysis.static.build import static_snapshot
from paths import APPS, REPO


def random_edges(seed: int, nodes: int, edges: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [(rng.randrange(nodes), rng.randrange(nodes)) for _ in range(edges)]


@pytest.mark.parametrize("seed", range(40))
def test_components_are_networkx_components_sinks_first(seed):
    edges = random_edges(seed, 30, seed * 3)
    ours, theirs = DiGraph(), nx.DiGraph()
    for graph in (ours, theirs):
        for node in range(30):
            graph.add_node(node)
        for u, v in edges:
            graph.add_edge(u, v)
    found = strongly_connected_components(ours, ours.successors)
    expected = nx.strongly_connected_components(theirs)
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected))
    position = {node: number for number, members in enumerate(found) for node in members}
    assert all(position[u] >= position[v] for u, v in edges)  # reversed: a topological order


def test_a_long_chain_needs_no_deep_stack():
    chain = {n: [n + 1] for n in range(200_000)}
    chain[200_000] = [0]  # one loop through every node
    assert [len(c) for c in strongly_connected_components(chain, chain.__getitem__)] == [200_001]


def test_graph_reads_like_networkx():
    snapshot = static_snapshot(str(REPO / "examples" / "demo" / "app.py"))
    ours, theirs = build_graph(snapshot, graph_type=DiGraph), build_graph(snapshot)
    assert isinstance(theirs, nx.DiGraph) and not isinstance(ours, nx.DiGraph)
    assert list(ours.nodes(data=True)) == list(theirs.nodes(data=True))
    assert list(ours.edges(data="kind")) == list(theirs.edges(data="kind"))
    assert len(ours) == len(theirs) and list(ours) == list(theirs)
    for node in theirs:
        assert list(ours.predecessors(node)) == list(theirs.predecessors(node))
        assert list(ours.out_edges(node, data=True)) == list(theirs.out_edges(node, data=True))
        assert list(ours.in_edges(node, data="kind")) == list(theirs.in_edges(node, data="kind"))
    u, v = next(iter(theirs.edges))
    assert ours.edges[u, v] == theirs.edges[u, v]
    assert ours.get_edge_data(u, v) == theirs.get_edge_data(u, v)
    assert ours.get_edge_data(v, "nowhere") is None and not ours.has_edge(v, "nowhere")
    assert {"unhashable": 1} not in ours


@pytest.mark.parametrize(("app", "graph_rule"), [
    ("outputs_and_cycles/single_bad/app.py", "DASH040"),
    ("outputs_and_cycles/patterns_app/app.py", "DASH040"),
    ("runtime/set_props_app.py", "DASH051"),
])
def test_every_rule_finds_the_same_on_either_graph(app, graph_rule):
    snapshot = snapshot_target(str(APPS / app), timeout=120)
    every = LintSettings(select=("ALL",))
    ours = lint(snapshot, every, context=LintContext(snapshot))
    theirs = lint(snapshot, every, context=LintContext(snapshot, graph_type=nx.DiGraph))
    assert ours == theirs and graph_rule in {f.code for f in ours}
    assert cycles(build_graph(snapshot, graph_type=DiGraph)) == cycles(build_graph(snapshot))


def test_lint_alone_never_imports_networkx():
    """networkx's import was a third of ``--static``'s CPU time on the 2,000-callback app."""
    demo = str(REPO / "examples" / "demo" / "app.py")
    probe = ("import sys; from analysis.cli import main; "
             f"main([{demo!r}, '--static', '--select', 'ALL']); print('networkx' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.splitlines()[-1] == "False", result.stdout + result.stderr
