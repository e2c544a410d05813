"""What a rule sees: the snapshot, its graph, and parsed callback functions, each built once."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Callable

from analysis.digraph import DiGraph
from analysis.layouts import LayoutIndex
from analysis.snapshot import AppInfo, Callback, Snapshot
from analysis.source.prefetch import ParsedSources
from analysis.source.python import FunctionNode, parse_function, parse_signature

if TYPE_CHECKING:
    from analysis.graph import Graph


class LintContext:
    """Read-only view of one snapshot for the rules; derived data is computed on first use."""

    def __init__(self, snapshot: Snapshot, sources: ParsedSources | None = None,
                 graph: Graph | None = None, graph_type: Callable[[], Graph] = DiGraph) -> None:
        """``graph_type``: what the graph is built as when it is not given; our own small
        ``DiGraph`` spares lint networkx's import, the explorer asks for networkx's."""
        self.snapshot = snapshot
        self._sources = sources
        self._graph_type = graph_type
        self._functions: dict[int, FunctionNode | None] = {}
        self._paths: dict[str, str] = {}
        if graph is not None:  # ``build_graph(snapshot)`` built already (the explorer's)
            self.__dict__["graph"] = graph

    def built_graph(self) -> Graph | None:
        """The graph, if the rules have built it (or it was given); None otherwise."""
        return self.__dict__.get("graph")

    @cached_property
    def graph(self) -> Graph:
        from analysis.graph import build_graph

        return build_graph(self.snapshot, self.function, self._graph_type)

    @cached_property
    def layouts(self) -> LayoutIndex:
        """Per-app layout lookups, shared by the id rules (DASH063, DASH070-DASH080)."""
        return LayoutIndex(self.snapshot, self.callbacks, self.app_of, self.set_props_targets)

    @cached_property
    def callbacks(self) -> tuple[Callback, ...]:
        """The callbacks rules check: Dash's own internal ones left out."""
        return tuple(cb for cb in self.snapshot.callbacks if not cb.internal)

    @cached_property
    def apps(self) -> dict[str, AppInfo]:
        return {app.name: app for app in self.snapshot.apps}

    @cached_property
    def primary_app(self) -> AppInfo | None:
        return next((a for a in self.snapshot.apps if a.primary), None)

    def app_of(self, callback: Callback) -> AppInfo | None:
        """The app that serves the callback: its own, or the primary one for dash.callback."""
        if callback.app is not None:
            return self.apps.get(callback.app)
        return self.primary_app

    def function(self, callback: Callback) -> FunctionNode | None:
        """The parsed ``def`` of a server callback (None for clientside or unparsable source)."""
        if callback.index not in self._functions:
            function = None
            if callback.kind == "server":
                function = self._parsed_ahead(callback) or parse_function(callback.source)
            self._functions[callback.index] = function
        return self._functions[callback.index]

    def signature(self, callback: Callback) -> FunctionNode | None:
        """A server callback's ``def`` for what its header says (name, decorators,
        parameters): ``function``'s node when parsed already, else the header alone
        (``parse_signature``; its body is ``pass``); None where neither parses. Cut out
        of the source, the header costs a fifth of the full parse: DASH090 reads every
        callback's, and was most of a 12,000-callback lint."""
        if callback.kind != "server":
            return None
        if callback.index in self._functions or self._sources is not None:
            return self.function(callback)
        return parse_signature(callback.source) or self.function(callback)

    def set_props_targets(self, callback: Callback) -> list[tuple[str | dict, str]]:
        """(component id, property) of the literal ``set_props`` writes of a callback: in its
        Python body, or in its inline JavaScript for a clientside one."""
        from analysis.graph import set_props_writes

        return set_props_writes(callback, self.function)

    def _parsed_ahead(self, callback: Callback) -> FunctionNode | None:
        if self._sources is None or not callback.file:
            return None
        path = self._paths.get(callback.file)
        if path is None:  # one join per file, not per callback
            path = self._paths[callback.file] = os.path.join(self.snapshot.root, callback.file)
        return self._sources.function(path, callback.line, callback.source, callback.def_line)
