"""The callback graph written as Mermaid, Graphviz DOT, GraphML (networkx's writer) or Cytoscape JSON."""

from __future__ import annotations

import json
from typing import Callable

import networkx as nx

from analysis.graph import build_graph, downstream, upstream
from analysis.snapshot import Snapshot


def export_graph(snapshot: Snapshot, focus: str | None = None, depth: int = 2) -> nx.DiGraph:
    """The graph to write: callback and property nodes (Dash's internal callbacks left out)
    with plain-text attributes only (``kind``, ``label``; a callback's ``function``,
    ``file``, ``line``), edges with their ``kind``. ``focus``: only the callbacks whose
    function (``app.update`` or ``update``) it names and what lies within ``depth`` edges
    of them, either way; LookupError (the known names) when no callback has that name."""
    graph = build_graph(snapshot)
    graph.remove_nodes_from([n for n, internal in graph.nodes(data="internal") if internal])
    if focus is not None:
        centres = [node for node, cb in graph.nodes(data="callback")
                   if cb is not None and focus in (cb.function, cb.name)]
        if not centres:
            raise LookupError(sorted({cb.name for _, cb in graph.nodes(data="callback") if cb}))
        keep = set(centres)
        for centre in centres:
            keep |= downstream(graph, centre, depth) | upstream(graph, centre, depth)
        graph = graph.subgraph(keep)
    plain = nx.DiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        callback = data.get("callback")
        if callback is not None:
            plain.add_node(node, kind="callback", label=callback.name,
                           function=callback.function, file=callback.file or "",
                           module=callback.module or "",
                           line=callback.line or 0)
        else:
            plain.add_node(node, kind="property", label=node.removeprefix("prop:"))
    plain.add_edges_from((u, v, {"kind": kind}) for u, v, kind in sorted(graph.edges(data="kind")))
    return plain


def mermaid(graph: nx.DiGraph) -> str:
    """A Mermaid flowchart (GitHub renders it in Markdown): node ids ``n0, n1, ...`` (any
    text is safe as a label, never as an id), labels quoted with Mermaid's entity codes.

    >>> g = nx.DiGraph()
    >>> g.add_node("prop:a.value", kind="property", label='{"i":1}.value')
    >>> g.add_node("cb:0", kind="callback", label="f")
    >>> g.add_edge("prop:a.value", "cb:0", kind="input")
    >>> print(mermaid(g), end="")
    flowchart LR
      n0["{#quot;i#quot;:1}.value"]
      n1(["f"])
      n0 --> n1
    """
    ids = {node: f"n{number}" for number, node in enumerate(graph)}
    lines = ["flowchart LR"]
    if graph.graph.get("note"):
        lines.insert(0, f"%% {mermaid_text(graph.graph['note'])}")
    for node, data in graph.nodes(data=True):
        label = mermaid_text(data["label"])
        lines.append(f'  {ids[node]}(["{label}"])' if data["kind"] == "callback"
                     else f'  {ids[node]}["{label}"]')
    arrows = {"input": "-->", "output": "==>", "state": "-. state .->",
              "set_props": "-. set_props .->", "match": "-. match .->"}
    lines += [f"  {ids[u]} {arrows.get(kind, '-->')} {ids[v]}" if kind != "flow"
              else f'  {ids[u]} -- "{mermaid_text(label)}" --> {ids[v]}'
              for u, v, kind, label in _edges(graph)]
    return "\n".join(lines) + "\n"


def mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label: entity codes for what Mermaid would read.

    >>> mermaid_text('a "b" <c> #d & `e`')
    'a #quot;b#quot; #lt;c#gt; #35;d #amp; #96;e#96;'
    """
    codes = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;"}
    return "".join(codes.get(char, char) for char in text).replace("\n", " ")


def dot(graph: nx.DiGraph) -> str:
    """Graphviz DOT: every id and label a double-quoted string (quotes, backslashes escaped).

    >>> g = nx.DiGraph()
    >>> g.add_node('prop:"x".value', kind="property", label='"x".value')
    >>> print(dot(g), end="")
    digraph callbacks {
      rankdir=LR;
      "prop:\\"x\\".value" [label="\\"x\\".value", shape=box];
    }
    """
    lines = ["digraph callbacks {", "  rankdir=LR;"]
    if graph.graph.get("note"):
        lines.insert(0, "// " + graph.graph["note"].replace("\n", " "))
    for node, data in graph.nodes(data=True):
        shape = "ellipse" if data["kind"] == "callback" else "box"
        lines.append(f"  {dot_text(node)} [label={dot_text(data['label'])}, shape={shape}];")
    styles = {"state": "dashed", "set_props": "dotted", "match": "dotted"}
    lines += [f"  {dot_text(u)} -> {dot_text(v)} [label={dot_text(label)}"
              f"{', style=' + styles[kind] if kind in styles else ''}];"
              for u, v, kind, label in _edges(graph)]
    return "\n".join(lines + ["}"]) + "\n"


def dot_text(text: str) -> str:
    """A DOT quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _edges(graph: nx.DiGraph) -> list[tuple[str, str, str, str]]:
    """Each edge with its kind and its label: the kind, or a flow's count."""
    return [(u, v, data["kind"], str(data.get("label") or data["kind"]))
            for u, v, data in graph.edges(data=True)]


def graphml(graph: nx.DiGraph) -> str:
    return "\n".join(nx.generate_graphml(graph)) + "\n"


def cytoscape(graph: nx.DiGraph) -> str:
    """Cytoscape.js elements JSON (networkx's ``cytoscape_data``), e.g. for dash-cytoscape."""
    return json.dumps(nx.cytoscape_data(graph), indent=2) + "\n"


#: Format name -> writer of an exported graph.
FORMATS: dict[str, Callable[[nx.DiGraph], str]] = {
    "mermaid": mermaid, "dot": dot, "graphml": graphml, "cytoscape": cytoscape,
}
