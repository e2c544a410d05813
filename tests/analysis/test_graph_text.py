"""``python -m analysis graph``: Mermaid and DOT checked structurally, GraphML read back by
networkx with the same nodes and edges, Cytoscape JSON, --focus/--depth."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess

import networkx as nx
import pytest
from snapshot_factory import probed

from analysis.cli import main
from analysis.graph import build_graph
from analysis.snapshot import save_snapshot

MERMAID_NODE = re.compile(r'^  (n\d+)(\(\["|\[")((?:[^"])*)("\]\)|"\])$')
MERMAID_EDGE = re.compile(r"^  (n\d+) (-->|==>|-\. (?:state|set_props|match) \.->) (n\d+)$")
DOT_NODE = re.compile(r'^  ("(?:[^"\\]|\\.)*") \[label=("(?:[^"\\]|\\.)*"), shape=(box|ellipse)\];$')
DOT_EDGE = re.compile(r'^  ("(?:[^"\\]|\\.)*") -> ("(?:[^"\\]|\\.)*") \[label="(\w+)"')


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """The pattern-matching fixture app (dict ids: quotes, brackets, braces in every label)."""
    snap = probed("outputs_and_cycles/patterns_app")
    path = tmp_path_factory.mktemp("graph") / "snap.json"
    save_snapshot(snap, path)
    graph = build_graph(snap)
    graph.remove_nodes_from([n for n, internal in graph.nodes(data="internal") if internal])
    return path, graph


def graph_text(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(["graph", *args], stdout=out, stderr=err) == 0, err.getvalue()
    return out.getvalue()


def unquote_dot(text: str) -> str:
    return re.sub(r'\\(.)', r"\1", text[1:-1])


def test_graphml_reads_back_with_the_same_nodes_and_edges(saved):
    path, graph = saved
    back = nx.read_graphml(io.StringIO(graph_text(str(path), "--format", "graphml")))
    assert set(back.nodes) == set(graph.nodes) and len(graph) > 20
    assert set(back.edges) == set(graph.edges)
    assert {(u, v, k) for u, v, k in back.edges(data="kind")} == set(graph.edges(data="kind"))
    assert {back.nodes[n]["kind"] for n in back} == {"callback", "property"}


def test_mermaid_declares_each_node_once_and_every_edge_between_declared_ids(saved):
    path, graph = saved
    lines = graph_text(str(path), "--format", "mermaid").splitlines()
    assert lines[0] == "flowchart LR"
    nodes = [MERMAID_NODE.match(line) for line in lines[1:1 + len(graph)]]
    edges = [MERMAID_EDGE.match(line) for line in lines[1 + len(graph):]]
    assert all(nodes) and all(edges), [l for l in lines if not (MERMAID_NODE.match(l) or MERMAID_EDGE.match(l))]
    ids = [m.group(1) for m in nodes]
    assert len(set(ids)) == len(graph) and len(edges) == graph.number_of_edges()
    assert {m.group(1) for m in edges} | {m.group(3) for m in edges} <= set(ids)
    labels = [m.group(3) for m in nodes]
    assert not any('"' in label for label in labels)  # quotes only as entity codes
    assert '{#quot;index#quot;:[#quot;ALL#quot;],#quot;type#quot;:#quot;qty#quot;}.value' in labels


def test_dot_quotes_every_id_and_graphviz_reads_it(saved):
    path, graph = saved
    text = graph_text(str(path), "--format", "dot")
    lines = text.splitlines()
    nodes = {unquote_dot(m.group(1)) for m in map(DOT_NODE.match, lines) if m}
    edges = {(unquote_dot(m.group(1)), unquote_dot(m.group(2)), m.group(3))
             for m in map(DOT_EDGE.match, lines) if m}
    assert nodes == set(graph.nodes) and edges == set(graph.edges(data="kind"))
    if shutil.which("dot"):  # Graphviz itself, where installed
        done = subprocess.run(["dot", "-Tcanon"], input=text, capture_output=True, text=True)
        assert done.returncode == 0 and done.stderr == "", done.stderr


def test_cytoscape_elements(saved):
    path, graph = saved
    data = json.loads(graph_text(str(path), "--format", "cytoscape"))
    assert len(data["elements"]["nodes"]) == len(graph)
    assert len(data["elements"]["edges"]) == graph.number_of_edges()


def test_focus_keeps_the_callback_and_what_lies_within_depth(saved):
    path, _ = saved
    def nodes(*args: str) -> set[str]:
        return set(nx.read_graphml(io.StringIO(graph_text(str(path), "--format", "graphml", *args))))

    near = nodes("--focus", "highlight", "--depth", "1")
    wider = nodes("--focus", "highlight", "--depth", "3")
    assert near < wider < nodes()
    assert sum(n.startswith("cb:") for n in near) == 1  # depth 1: its properties only
    assert sum(n.startswith("cb:") for n in wider) == 3  # depth 3: the callbacks beside it


def test_an_unknown_focus_names_the_callbacks(saved):
    path, _ = saved
    out, err = io.StringIO(), io.StringIO()
    assert main(["graph", str(path), "--focus", "nope"], stdout=out, stderr=err) == 2
    assert err.getvalue().startswith("error: --focus nope: no callback has that function name;")
    assert "price_from_amount" in err.getvalue() and out.getvalue() == ""


def test_the_console_command_writes_the_graph(saved, capsys):
    from explorer.command import main as console

    assert console(["graph", str(saved[0]), "--format", "mermaid"]) == 0
    assert capsys.readouterr().out.startswith("flowchart LR\n")
