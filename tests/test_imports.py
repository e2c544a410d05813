"""The import graph: no module imports itself back through others, and the layers point one way."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

from paths import REPO

PACKAGES = ("analysis", "explorer")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> nx.DiGraph:
    """Modules of our packages and ``app.py``, with an edge for every import of one by another,
    wherever it stands (top level, inside a function, under ``TYPE_CHECKING``)."""
    files = [p for package in PACKAGES for p in (REPO / package).rglob("*.py")] + [REPO / "app.py"]
    modules = {module_name(path): path for path in files}
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # ``from pkg import sub`` imports the submodule when there is one
                targets = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules
                           else node.module for alias in node.names]
            else:
                continue
            graph.add_edges_from((name, target) for target in targets
                                 if target in modules and target != name)
    return graph


def test_the_import_graph_has_no_circle():
    cycles = [sorted(c) for c in nx.strongly_connected_components(import_graph()) if len(c) > 1]
    assert cycles == []


@pytest.mark.parametrize("lower, upper", [
    ("analysis", "explorer"), ("analysis", "app"), ("explorer", "app"),
])
def test_layers_point_one_way(lower, upper):
    graph = import_graph()
    def within(name: str, package: str) -> bool:
        return name == package or name.startswith(package + ".")

    wrong = [(a, b) for a, b in graph.edges if within(a, lower) and within(b, upper)]
    assert wrong == []


def test_the_probe_child_imports_nothing_of_ours():
    """The child process runs in the target's interpreter, which may not have our package."""
    graph = import_graph()
    child_side = [n for n in graph
                  if n.startswith("analysis.probe.") and n != "analysis.probe.runner"]
    assert child_side and all(graph.out_degree(n) == 0 for n in child_side)
