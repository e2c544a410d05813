"""One analysed snapshot and its derived data, each memoised for that snapshot only."""

from __future__ import annotations

import hashlib
import threading
from functools import cached_property, lru_cache

import networkx as nx

from analysis.findings import Finding
from analysis.graph import build_graph
from analysis.lint import lint
from analysis.snapshot import Snapshot
from explorer.catalog import Catalog, build_catalog
from explorer.elements import build_elements
from explorer.search import SearchEntry, SearchHit, build_index, search
from explorer.views import ViewSpec, visible_nodes


#: Building the graph and linting parse callback sources with ``ast``. CPython 3.11 keeps
#: the AST constructor's recursion counter in interpreter-wide state, so two threads
#: parsing at once can corrupt it and make a later ``ast.parse`` anywhere in the process
#: raise "SystemError: AST constructor recursion depth mismatch" (python/cpython#106905).
#: Callbacks run in threads: derived data that parses is built under this lock.
PARSING = threading.Lock()


def snapshot_id(snapshot: Snapshot) -> str:
    """A short content hash naming a snapshot (same content, same id)."""
    return hashlib.sha256(snapshot.to_json(indent=None).encode()).hexdigest()[:16]


class SnapshotServices:
    """Graph, findings and every view of one snapshot.

    The caches live on the instance (not in a module-level dict) and take only hashable
    arguments (``ViewSpec`` is frozen), so a project holds exactly its snapshot's results
    and they go away with it.
    """

    def __init__(self, snapshot: Snapshot, findings: tuple[Finding, ...] | None = None) -> None:
        self.snapshot = snapshot
        self.id = snapshot_id(snapshot)
        self._findings = findings
        self.elements = lru_cache(maxsize=128)(self._elements)
        self.search = lru_cache(maxsize=256)(self._search)
        self.visible = lru_cache(maxsize=128)(self._visible)

    @cached_property
    def graph(self) -> nx.DiGraph:
        with PARSING:
            return build_graph(self.snapshot)

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        if self._findings is not None:
            return self._findings
        with PARSING:
            return tuple(lint(self.snapshot))

    @cached_property
    def catalog(self) -> Catalog:
        return build_catalog(self.snapshot, self.graph, self.findings)

    @cached_property
    def search_index(self) -> tuple[SearchEntry, ...]:
        return build_index(self.graph, self.catalog)

    def _visible(self, spec: ViewSpec) -> frozenset[str]:
        return visible_nodes(self.graph, self.catalog, self.findings, spec)

    def _elements(self, spec: ViewSpec) -> tuple[dict, ...]:
        return tuple(build_elements(self.graph, self.catalog, self.visible(spec), spec.collapse))

    def _search(self, query: str) -> tuple[SearchHit, ...]:
        return search(self.search_index, query)

    def knows(self, key: str) -> bool:
        """Whether a node key names a callback, property or component of this snapshot."""
        if key.startswith("comp:"):
            return key[len("comp:"):] in self.catalog.component_type or any(
                c == key[len("comp:"):] for c in self.catalog.component_of.values())
        return key in self.catalog.callbacks or key in self.catalog.component_of

    def label(self, key: str) -> str:
        """A short human name for a node key."""
        if key in self.catalog.callbacks:
            return self.catalog.callbacks[key].name
        if key in self.catalog.component_of:
            return f"{self.catalog.component_of[key]}.{self.graph.nodes[key]['property']}"
        return key.split(":", 1)[-1]
