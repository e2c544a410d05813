"""One analysed snapshot and its derived data, each memoised for that snapshot only."""

from __future__ import annotations

import gc
import hashlib
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

import networkx as nx

import analysis
from analysis.findings import Finding
from analysis.graph import Writes, build_graph, python_set_props
from analysis.context import LintContext
from analysis.lint import lint
from analysis.settings import LintSettings
from analysis.snapshot import Snapshot, snapshot_id
from explorer.view.aggregate import (
    DRAW_ALL_LIMIT, Clusters, OverviewBase, build_clusters, needs_overview, overview_base,
    overview_elements, with_positions,
)
from explorer.view.catalog import Catalog, build_structure, with_findings
from explorer.view.nodes import component_of_key, group_node, name_of_key
from explorer.view.elements import build_elements
from explorer.view.search import SearchEntry, SearchHit, build_index, search
from explorer.view.filters import ViewSpec, visible_nodes


LOG = logging.getLogger(__name__)


def linter_version() -> str:
    """A digest of the linter's own code (every module of ``analysis``): any change of a rule
    makes results stored by an older linter stale. Computed from the files, not from a
    version number someone must remember to bump."""
    digest = hashlib.sha256()
    package = Path(analysis.__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def analysis_key(linter: str, settings: LintSettings) -> str:
    """What a stored result was computed with: the linter's version and the lint settings.

    >>> analysis_key("abc", LintSettings()) == analysis_key("abc", LintSettings(select=("ALL",)))
    False
    """
    return hashlib.sha256(f"{linter}|{settings.select}|{settings.ignore}".encode()
                          ).hexdigest()[:16]


@dataclass(frozen=True)
class GraphView:
    """What the graph draws for a view: its elements, whether they carry server positions,
    whether it is the aggregated overview of a large graph, and how many callbacks it holds."""

    elements: tuple[dict, ...]
    positioned: bool
    aggregated: bool
    callbacks: int
    properties: int


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic collector off while a snapshot is parsed and linted, as the CLI runs
    (``analysis.__main__``): it re-scanned the growing AST again and again, doubling the
    analysis of a 12,000-callback upload. Process-wide, so only for these bounded steps;
    it is switched back on by whoever switched it off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class SnapshotServices:
    """Graph, findings and every view of one snapshot.

    The caches live on the instance (not in a module-level dict) and take only hashable
    arguments (``ViewSpec`` is frozen), so a project holds exactly its snapshot's results
    and they go away with it.
    """

    def __init__(self, snapshot: Snapshot, findings: tuple[Finding, ...] | None = None,
                 settings: LintSettings = LintSettings(),
                 keep: Callable[[tuple[Finding, ...]], None] | None = None,
                 digest: str | None = None,
                 stored: Callable[[], tuple[Finding, ...] | None] | None = None,
                 writes: Callable[[], Writes | None] | None = None,
                 keep_writes: Callable[[Writes], None] | None = None) -> None:
        self.snapshot = snapshot
        # ``digest``: the snapshot_id already known (a history entry's); hashing a 20 MB
        # snapshot serialises it whole, seconds each time
        self.id = digest or snapshot_id(snapshot)
        self._findings = findings
        self.settings = settings  # the project's: given, never read from the snapshot's paths
        #: Called once with the findings when they are computed here (not when given): the
        #: hosted store keeps them on disk so that no other process or restart lints again.
        self.keep = keep
        #: Asked before linting: the findings another process may have stored since (the
        #: hosted server's, which analyses each upload in the request that stored it).
        self._stored = stored
        #: The callbacks' ``set_props`` writes kept by whoever linted the snapshot (asked
        #: when the graph is built: parsed otherwise); ``keep_writes`` keeps those found here.
        self._writes = writes
        self.keep_writes = keep_writes
        self._prepared = False  # ``prepare`` has warmed the first view (or tried)
        self.elements = lru_cache(maxsize=128)(self._elements)
        self.search = lru_cache(maxsize=256)(self._search)
        self.visible = lru_cache(maxsize=128)(self._visible)
        self.overview_base = lru_cache(maxsize=32)(self._overview_base)
        self.overview = lru_cache(maxsize=128)(self._overview)
        self.graph_view = lru_cache(maxsize=128)(self._graph_view)

    @cached_property
    def graph(self) -> nx.DiGraph:
        known = self._writes() if self._writes is not None else None
        with collector_paused():
            return build_graph(self.snapshot, known=known)

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        if self.findings_stored():
            return self._findings
        # The rules and the views use the same graph of the snapshot: built once, for both.
        context = LintContext(self.snapshot, graph=self.__dict__.get("graph"),
                              graph_type=nx.DiGraph)
        with collector_paused():
            if self.keep_writes is not None and context.built_graph() is None:
                # The graph first: its parses give the set_props writes, kept before the
                # lint, so another process loading the snapshot meanwhile need not parse.
                _ = context.graph
                self._keep(self.keep_writes, python_set_props(self.snapshot, context.function))
            findings = tuple(lint(self.snapshot, self.settings, context=context))
            graph = context.built_graph()
            # The parsed sources go with the context now, while the collector is off: alive
            # when it comes back on, its first collection scanned them all (~0.5 s, 20 MB).
            del context
        if "graph" not in self.__dict__ and graph is not None:
            self.__dict__["graph"] = graph
        if self.keep is not None:
            self._keep(self.keep, findings)
        return findings

    def _keep(self, keep: Callable[[Any], None], found: Any) -> None:
        try:
            keep(found)
        except OSError as exc:  # a full or read-only disk: shown all the same, kept nowhere
            LOG.warning("analysis result of snapshot %s not stored: %s", self.id, exc)

    @property
    def has_findings(self) -> bool:
        """Whether the findings are at hand (given, or computed already)."""
        return self._findings is not None or "findings" in self.__dict__

    def findings_stored(self) -> bool:
        """Whether the findings are at hand without linting: given, computed, or stored by
        another process since (asked again on each call until they are)."""
        if self.has_findings:
            return True
        found = self._stored() if self._stored is not None else None
        if found is not None:
            self._findings = found
        return found is not None

    @cached_property
    def structure(self) -> Catalog:
        """The catalog without severities: what clusters and search read, ready before the
        findings are (see ``prepare``)."""
        return build_structure(self.snapshot, self.graph)

    @cached_property
    def catalog(self) -> Catalog:
        return with_findings(self.structure, self.graph, self.findings)

    @cached_property
    def search_index(self) -> tuple[SearchEntry, ...]:
        return build_index(self.graph, self.structure)

    def _visible(self, spec: ViewSpec) -> frozenset[str]:
        return visible_nodes(self.graph, self.catalog, self.findings, spec)

    def _elements(self, spec: ViewSpec) -> tuple[dict, ...]:
        return tuple(build_elements(self.graph, self.catalog, self.visible(spec), spec.collapse))

    @cached_property
    def clusters(self) -> Clusters:
        return build_clusters(self.graph, self.structure)

    def _overview_base(self, spec: ViewSpec) -> OverviewBase:
        return overview_base(self.graph, self.catalog, self.clusters, self.visible(spec))

    def _overview(self, spec: ViewSpec, expanded: tuple[str, ...]) -> tuple[dict, ...]:
        """The aggregated view with some clusters / pages open (``expanded``: sorted keys)."""
        return tuple(overview_elements(self.graph, self.catalog, self.clusters,
                                       self.overview_base(spec), frozenset(expanded)))

    def opening(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        """The cluster and page/module nodes to open so that ``keys`` are drawn themselves."""
        opened: list[str] = []
        for key in keys:
            cluster = self.clusters.cluster_of.get(key) or (key if key in self.clusters.members
                                                            else None)
            if cluster is not None:
                opened += [group_node(self.clusters.group_of[cluster]), cluster]
        return tuple(dict.fromkeys(opened))

    def _graph_view(self, spec: ViewSpec, expanded: tuple[str, ...], layout: str) -> GraphView:
        """The elements to draw: the overview when the view is too big to draw node by node;
        server positions for the hierarchical layout ("dagre": see PRESET_LAYOUT)."""
        nodes = self.visible(spec)
        callbacks = self.catalog.count_callbacks(nodes)
        if (spec.collapse == "overview" and needs_overview(self.catalog, nodes)) or (
                spec.collapse == "none" and callbacks > DRAW_ALL_LIMIT):
            opened = tuple(sorted(set(expanded)))
            return GraphView(self.overview(spec, opened), True, True, callbacks,
                             len(nodes) - callbacks)
        elements = self.elements(spec)
        positioned = layout == "dagre"
        if positioned:
            elements = tuple(with_positions(list(elements)))
        return GraphView(elements, positioned, False, callbacks, len(nodes) - callbacks)

    def warm(self) -> None:
        """Compute what the first page load needs (graph, findings, first view) now."""
        self.graph_view(ViewSpec(), (), "dagre")
        _ = self.search_index

    def prepare(self) -> None:
        """``warm`` without linting: the graph, clusters and search index now (they need no
        findings), the view once the findings are at hand (stored by the process that
        analyses the snapshot meanwhile), so that only the view waits for them. Called again
        and again by a background thread: after the first ``warm`` (done or failed) it
        returns."""
        if self._prepared:
            return
        _ = self.clusters, self.search_index
        if self.findings_stored():
            self._prepared = True
            self.warm()

    def _search(self, query: str) -> tuple[SearchHit, ...]:
        return search(self.search_index, query)

    def knows(self, key: str) -> bool:
        """Whether a node key names a callback, property or component of this snapshot."""
        component = component_of_key(key)
        if component is not None:
            return component in self.catalog.component_type or any(
                c == component for c in self.catalog.component_of.values())
        return key in self.catalog.callbacks or key in self.catalog.component_of

    def label(self, key: str) -> str:
        """A short human name for a node key."""
        if key in self.catalog.callbacks:
            return self.catalog.names.get(key) or self.catalog.callbacks[key].name
        if key in self.catalog.component_of:
            return f"{self.catalog.component_of[key]}.{self.graph.nodes[key]['property']}"
        return name_of_key(key)
