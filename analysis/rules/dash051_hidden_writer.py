"""DASH051 hidden-writer: set_props races another callback's Output, or writes an id no layout has."""

from __future__ import annotations

import ast
from collections import defaultdict
from typing import Iterator

import networkx as nx

from analysis.context import LintContext
from analysis.dash_props import runs_on_load
from analysis.findings import Finding
from analysis.graph import callback_node
from analysis.patterns import ids_overlap
from analysis.rules._base import rule
from analysis.rules._naming import callback_label, callback_labels
from analysis.snapshot import Callback, ComponentId, Dependency
from analysis.source.python import all_nodes


@rule(
    "DASH051",
    "hidden-writer",
    "warning",
    "set_props writes a property another callback declares as Output and both can fire for one "
    "event, or an id missing from every layout",
)
def hidden_writer(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Reads the literal ``set_props("id", {"prop": ...})`` calls of each server callback (and
    ``dash_clientside.set_props`` in inline clientside JavaScript) and reports two things:

    1. the property is an ``Output`` of another callback of the same app (declared without
       ``allow_duplicate``; pattern ids match the way Dash matches them) **and the two
       callbacks can fire for one event**: they share an Input (``both fire on
       `save.n_clicks```), one property upstream in the callback graph leads to both
       (through Inputs, Outputs and ``set_props``, never State), or neither prevents its
       initial call (``both run on page load``). Two writers fired only by different user
       actions (an Edit button opens a field, a Submit closes it) take turns and are left
       alone;
    2. the id (a plain string) is in no layout of the app — pages included — and nothing
       explains it: the app does not set ``suppress_callback_exceptions=True`` (Dash's own
       signal that callbacks create components later), no callback declares the id, and no
       callback builds a component with that ``id=``.

    ## Why is this bad?
    ``set_props`` is a writer Dash's callback graph does not show. When one event starts both
    writers, the property ends with whichever response arrives last, and neither dev tools
    nor a reader of the Output callback can see why it flips. An id that is in no layout is
    ignored by the renderer without an error: the update silently goes nowhere (often a
    typo). Dash validates ``set_props`` ids nowhere, so ``suppress_callback_exceptions`` is
    used only as the author's statement that the layout is built at run time.

    ## Example
    ```python
    @callback(Output("status", "children"), Input("save", "n_clicks"),
              prevent_initial_call=True)
    def save(n): return "saved"

    @callback(Input("save", "n_clicks"), prevent_initial_call=True)
    def audit(n):
        set_props("status", {"children": "audited"})  # same click: which one wins?
    ```

    ## Use instead
    ```python
    @callback(Output("status", "children"), Input("save", "n_clicks"),
              prevent_initial_call=True)
    def save(n):
        audit_log()
        return "saved and audited"
    ```
    """
    triggers = _SharedTriggers(ctx)
    owners_of = _plain_outputs(ctx)
    explained: _Explained | None = None
    for callback in ctx.callbacks:
        seen: set[str] = set()
        for component_id, prop in ctx.set_props_targets(callback):
            written = Dependency(component_id, prop)
            if written.key in seen:
                continue
            seen.add(written.key)
            owners = _declared_writers(ctx, owners_of, callback, component_id, prop)
            if owners:
                racing = [(o, why) for o in owners if (why := triggers.shared(callback, o))]
                if racing:
                    yield hidden_writer.finding(
                        f"{callback_label(callback)} calls set_props on {written.key}, which "
                        f"{callback_labels([o for o, _ in racing])} declares as Output; "
                        f"{racing[0][1]}",
                        [callback, *(o for o, _ in racing)], [written],
                    )
                continue  # declared writers fired by other actions only: they take turns
            if explained is None:
                explained = _Explained(ctx)
            if _missing(ctx, explained, callback, component_id):
                yield hidden_writer.finding(
                    f"{callback_label(callback)} calls set_props on id {written.id_str!r}, "
                    "which no layout contains",
                    [callback], [written], ids_at_fault=True,
                )


def _plain_outputs(ctx: LintContext) -> dict[str, list[tuple[Callback, Dependency]]]:
    """Plain (not allow_duplicate) Outputs by property name, built once for every lookup."""
    by_prop: dict[str, list[tuple[Callback, Dependency]]] = defaultdict(list)
    for other in ctx.callbacks:
        for d in other.outputs:
            if not d.allow_duplicate:
                by_prop[d.property].append((other, d))
    return by_prop


def _declared_writers(
    ctx: LintContext, owners_of: dict[str, list[tuple[Callback, Dependency]]],
    writer: Callback, component_id: ComponentId, prop: str,
) -> list[Callback]:
    """Other callbacks of the app with a plain (not allow_duplicate) Output on that property."""
    app = ctx.app_of(writer)
    found: dict[int, Callback] = {}
    for other, d in owners_of.get(prop, ()):
        if (other.index != writer.index and other.index not in found
                and ctx.app_of(other) == app and ids_overlap(d.id, component_id)):
            found[other.index] = other
    return sorted(found.values(), key=lambda cb: cb.index)


class _SharedTriggers:
    """Whether two callbacks can fire for one event, and which: a shared Input, a property
    upstream of both, or the page load. The upstream sources of every callback come from one
    pass over the graph's condensation (built on first use), not one search per pair."""

    def __init__(self, ctx: LintContext) -> None:
        self._ctx = ctx
        self._sources: dict[str, int] | None = None
        self._source_names: list[str] = []

    def shared(self, a: Callback, b: Callback) -> str | None:
        """How ``a`` and ``b`` can both fire for one event, as a message's last clause; None
        when only separate events fire them."""
        for da in a.inputs:
            for db in b.inputs:
                if da.property == db.property and ids_overlap(da.id, db.id):
                    return f"both fire on `{da.key}`"
        common = self._upstream(a) & self._upstream(b)
        if common:
            first = min(self._source_names[i] for i in _bits(common))
            return f"both fire after a change of `{first}`"
        if runs_on_load(a, self._ctx.app_of(a)) and runs_on_load(b, self._ctx.app_of(b)):
            return "both run on page load"
        return None

    def _upstream(self, callback: Callback) -> int:
        """The source properties upstream of a callback, as a bit set over source numbers."""
        if self._sources is None:
            self._sources = self._propagate()
        return self._sources.get(callback_node(callback.index), 0)

    def _propagate(self) -> dict[str, int]:
        graph = self._ctx.graph
        # State never triggers: what flows is Inputs, Outputs, set_props and pattern matches.
        flow = nx.subgraph_view(graph, filter_edge=lambda u, v: graph.edges[u, v]["kind"] != "state")
        dag = nx.condensation(flow)
        members = dag.graph["mapping"]
        reached: dict[int, int] = {}
        for scc in nx.topological_sort(dag):
            bits = 0
            for pred in dag.predecessors(scc):
                bits |= reached[pred]
            if not bits:  # a source of the flow: its properties are where events start
                props = sorted(n for n in dag.nodes[scc]["members"]
                               if graph.nodes[n]["kind"] == "property")
                if props:
                    bits = 1 << len(self._source_names)
                    self._source_names.append(props[0].partition(":")[2])
            reached[scc] = bits
        return {node: reached[scc] for node, scc in members.items()}


def _bits(value: int) -> Iterator[int]:
    """The positions of the set bits of ``value``."""
    position = 0
    while value:
        if value & 1:
            yield position
        value >>= 1
        position += 1


class _Explained:
    """Ids some callback declares or builds with ``id=``: collected in one pass over every
    callback (and its body), so each missing id costs a set lookup, not a walk of all ASTs."""

    def __init__(self, ctx: LintContext) -> None:
        self.declared: set[str] = set()
        self.built: set[str] = set()
        for other in ctx.callbacks:
            for d in (*other.inputs, *other.states, *other.outputs):
                if isinstance(d.id, str):
                    self.declared.add(d.id)
            function = ctx.function(other)
            if function is not None:
                self.built |= built_ids(function)


def _missing(ctx: LintContext, explained: _Explained, callback: Callback,
             component_id: ComponentId) -> bool:
    """True when a string id is surely absent from the app (see the rationale's point 2)."""
    if not isinstance(component_id, str):
        return False  # dict ids are made at run time, like the pattern callbacks using them
    app = ctx.app_of(callback)
    if app is not None and app.suppress_callback_exceptions:
        return False
    layouts = ctx.layouts.of(callback)  # built once per app: per missing id, it was N²
    if not layouts.complete or layouts.matching(component_id):
        return False
    if component_id in explained.declared:
        return False  # declared: DASH070 judges it
    return component_id not in explained.built


def built_ids(function: ast.AST) -> set[str]:
    """The string ids a function gives components it creates (``id=<literal>`` keywords)."""
    return {
        node.value.value
        for node in all_nodes(function)
        if isinstance(node, ast.keyword)
        and node.arg == "id"
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }
