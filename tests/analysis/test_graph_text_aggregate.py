"""``python -m analysis graph`` above the explorer's aggregation threshold: the aggregated graph
(one node per page/module, flows counted) with a comment saying so, ``--all`` every callback;
Mermaid and DOT parsed back for node/edge counts, GraphML read back by networkx."""

from __future__ import annotations

import io
import re

import networkx as nx
import pytest

from analysis.cli import main
from analysis.graph_text.aggregate import AGGREGATE_ABOVE
from analysis.snapshot import Callback, Dependency, Snapshot, save_snapshot

PAGES, CALLBACKS = 5, 300

MERMAID_NODE = re.compile(r'^  (n\d+)(?:\(\["|\[")[^"]*(?:"\]\)|"\])$')
MERMAID_EDGE = re.compile(r'^  (n\d+) (?:-- "\d+" -->|-->|==>|-\. \w+ \.->) (n\d+)$')
DOT_NODE = re.compile(r'^  ("(?:[^"\\]|\\.)*") \[label=')
DOT_EDGE = re.compile(r'^  ("(?:[^"\\]|\\.)*") -> ("(?:[^"\\]|\\.)*") \[label=')


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> str:
    """300 callbacks in one chain across five pages (above the threshold)."""
    callbacks = tuple(
        Callback(i, f"pages.p{i % PAGES}.step{i}", module=f"pages.p{i % PAGES}",
                 inputs=(Dependency(f"in{i}", "value"),),
                 outputs=(Dependency(f"in{i + 1}", "value"),))
        for i in range(CALLBACKS))
    path = tmp_path_factory.mktemp("big") / "big.json"
    save_snapshot(Snapshot(target="big.py", root=".", callbacks=callbacks), path)
    return str(path)


def graph_text(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(["graph", *args], stdout=out, stderr=err) == 0, err.getvalue()
    return out.getvalue()


def mermaid_counts(text: str) -> tuple[int, int, list[str]]:
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("%%")]
    body = [line for line in lines if not line.startswith("%%")]
    assert body[0] == "flowchart LR"
    nodes = [line for line in body[1:] if MERMAID_NODE.match(line)]
    edges = [line for line in body[1:] if MERMAID_EDGE.match(line)]
    assert len(nodes) + len(edges) == len(body) - 1, "a line neither node nor edge"
    return len(nodes), len(edges), comments


def test_above_the_threshold_mermaid_is_aggregated_by_page_and_says_so(large):
    assert CALLBACKS > AGGREGATE_ABOVE
    nodes, edges, comments = mermaid_counts(graph_text(large, "--format", "mermaid"))
    # one node per page; the chain i -> i+1 crosses pages at every step: p0->p1 ... p4->p0
    assert (nodes, edges) == (PAGES, PAGES)
    assert len(comments) == 1 and "aggregated" in comments[0] and "--all" in comments[0]


def test_all_writes_every_callback_without_the_comment(large):
    nodes, edges, comments = mermaid_counts(graph_text(large, "--format", "mermaid", "--all"))
    assert comments == []
    assert (nodes, edges) == (CALLBACKS + CALLBACKS + 1, 2 * CALLBACKS)


def test_aggregated_dot_parses_back(large):
    lines = graph_text(large, "--format", "dot").splitlines()
    assert lines[0].startswith("// ") and "aggregated" in lines[0]
    assert lines[1] == "digraph callbacks {" and lines[-1] == "}"
    nodes = [m.group(1) for m in map(DOT_NODE.match, lines) if m]
    edges = [(m.group(1), m.group(2)) for m in map(DOT_EDGE.match, lines) if m]
    assert len(nodes) == PAGES and len(edges) == PAGES
    assert {n for edge in edges for n in edge} <= set(nodes)


def test_aggregated_graphml_reads_back_with_counted_flows(large):
    back = nx.read_graphml(io.StringIO(graph_text(large, "--format", "graphml")))
    assert sorted(back.nodes) == [f"group:pages.p{i}" for i in range(PAGES)]
    # a property sits with its writer: each step's output crosses to the next page, 60
    # times per page pair, but the last one (step 299 on p4) has no reader
    assert sorted(back.edges(data="label")) == sorted(
        (f"group:pages.p{i}", f"group:pages.p{(i + 1) % PAGES}", "59" if i == 4 else "60")
        for i in range(PAGES))
    assert "aggregated" in back.graph["note"]
    assert {back.nodes[n]["callbacks"] for n in back} == {CALLBACKS // PAGES}
