"""DASH051 hidden-writer: set_props races another callback's Output, or writes an id no layout has."""

from __future__ import annotations

import ast
from collections import defaultdict
from functools import cached_property
from typing import Iterator

from analysis.context import LintContext
from analysis.dash_props import runs_on_load
from analysis.digraph import strongly_connected_components
from analysis.findings import Finding
from analysis.graph import callback_node
from analysis.patterns import OverlapIndex, ids_overlap
from analysis.rules._base import rule
from analysis.rules._naming import callback_label, callback_labels
from analysis.snapshot import AppInfo, Callback, ComponentId, Dependency
from analysis.source.python import all_nodes


@rule(
    "DASH051",
    "hidden-writer",
    "warning",
    "set_props writes a property another callback declares as Output and both can fire for one "
    "event, or an id missing from every layout",
    static_note="the 'id in no layout' half is silent for an app with an unresolved layout",
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
       alone. Several set_props writers of one such property are one finding that names
       them all;
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
    owners_of = _Owners(ctx)
    explained: _Explained | None = None
    # (app, property key) -> its set_props writers that also have declared owners: judged
    # together below, so that N writers of one property written by N Outputs cost N, not N²
    contested: dict[tuple[str | None, str], list[tuple[Callback, Dependency]]] = defaultdict(list)
    for callback in ctx.callbacks:
        seen: set[str] = set()
        for component_id, prop in ctx.set_props_targets(callback):
            written = Dependency(component_id, prop)
            if written.key in seen:
                continue
            seen.add(written.key)
            app = ctx.app_of(callback)
            if owners_of.of(app, written):
                contested[(app.name if app else None, written.key)].append((callback, written))
                continue  # declared writers fired by other actions only: they take turns
            if explained is None:
                explained = _Explained(ctx)
            if _missing(ctx, explained, callback, component_id):
                yield hidden_writer.finding(
                    f"{callback_label(callback)} calls set_props on id {written.id_str!r}, "
                    "which no layout contains",
                    [callback], [written], ids_at_fault=True,
                )
    for writers in contested.values():
        callback, written = writers[0]
        owners = owners_of.of(ctx.app_of(callback), written)
        finding = _race(triggers, [w for w, _ in writers], owners, written)
        if finding is not None:
            yield finding


def _race(triggers: "_SharedTriggers", writers: list[Callback], owners: list[Callback],
          written: Dependency) -> Finding | None:
    """One finding for the set_props writers of a property that race its declared owners:
    the writers and owners that can fire for one event with some other of them, and the
    first such pair's reason. One writer is compared with each owner; many writers are
    judged through the owners' triggers merged once (``_SharedTriggers.group``)."""
    if len(writers) == 1:
        racing = [(o, why) for o in owners
                  if o.index != writers[0].index and (why := triggers.shared(writers[0], o))]
        if not racing:
            return None
        return hidden_writer.finding(
            f"{callback_label(writers[0])} calls set_props on {written.key}, which "
            f"{callback_labels([o for o, _ in racing])} declares as Output; {racing[0][1]}",
            [writers[0], *(o for o, _ in racing)], [written],
        )
    owner_group, writer_group = triggers.group(owners), triggers.group(writers)
    racing_writers = [w for w in writers if owner_group.races(w)]
    racing_owners = [o for o in owners if writer_group.races(o)]
    if not racing_writers or not racing_owners:
        return None
    first = racing_writers[0]
    writing = {w.index for w in racing_writers}
    why = next(why for o in owners if o.index != first.index
               and (why := triggers.shared(first, o)))
    named = callback_labels(racing_writers[1:])
    return hidden_writer.finding(
        f"{callback_label(first)} and {named} call set_props on {written.key}, which "
        f"{callback_labels(racing_owners)} declares as Output; {why} (and others race alike)",
        [*racing_writers, *(o for o in racing_owners if o.index not in writing)], [written],
    )


class _Owners:
    """Callbacks with a plain (not allow_duplicate) Output on a property, per app: string
    ids by key, dict ids through an OverlapIndex per property name, each built once."""

    def __init__(self, ctx: LintContext) -> None:
        self._ctx = ctx
        self._by_key: dict[tuple[str | None, str], list[Callback]] = defaultdict(list)
        self._patterns: dict[tuple[str | None, str], OverlapIndex] = {}
        for other in ctx.callbacks:
            app = ctx.app_of(other)
            name = app.name if app else None
            for d in other.outputs:
                if d.allow_duplicate:
                    continue
                if isinstance(d.id, str):
                    self._by_key[(name, d.key)].append(other)
                else:
                    self._patterns.setdefault((name, d.property), OverlapIndex()).add(d.id, other)
        self._memo: dict[tuple[str | None, str], list[Callback]] = {}

    def of(self, app: AppInfo | None, written: Dependency) -> list[Callback]:
        """The owners of ``written`` in ``app``, by index (the writer itself may be one)."""
        name = app.name if app else None
        key = (name, written.key)
        if key not in self._memo:
            if isinstance(written.id, str):
                found = self._by_key.get(key, [])
            else:
                index = self._patterns.get((name, written.property))
                found = index.overlapping(written.id) if index else []
            self._memo[key] = sorted({cb.index: cb for cb in found}.values(),
                                     key=lambda cb: cb.index)
        return self._memo[key]


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

    def group(self, callbacks: list[Callback]) -> "_TriggerGroup":
        """Several callbacks' triggers merged once, to ask whether a callback can fire for one
        event with any of them in time linear in its own Inputs."""
        return _TriggerGroup(self, callbacks)

    def on_load(self, callback: Callback) -> bool:
        return runs_on_load(callback, self._ctx.app_of(callback))

    def _upstream(self, callback: Callback) -> int:
        """The source properties upstream of a callback, as a bit set over source numbers."""
        if self._sources is None:
            self._sources = self._propagate()
        return self._sources.get(callback_node(callback.index), 0)

    def _propagate(self) -> dict[str, int]:
        graph = self._ctx.graph
        # State never triggers: what flows is Inputs, Outputs, set_props and pattern matches.
        # Components come sinks first: reversed, each comes after everything upstream of it.
        components = strongly_connected_components(graph, lambda node: (
            v for _, v, kind in graph.out_edges(node, data="kind") if kind != "state"))
        scc_of = {node: number for number, members in enumerate(components) for node in members}
        reached: dict[int, int] = {}
        for number in reversed(range(len(components))):
            members, bits = components[number], 0
            for node in members:
                for pred, _, kind in graph.in_edges(node, data="kind"):
                    if kind != "state" and scc_of[pred] != number:
                        bits |= reached[scc_of[pred]]
            if not bits:  # a source of the flow: its properties are where events start
                props = sorted(n for n in members if graph.nodes[n]["kind"] == "property")
                if props:
                    bits = 1 << len(self._source_names)
                    self._source_names.append(props[0].partition(":")[2])
            reached[number] = bits
        return {node: reached[scc] for node, scc in scc_of.items()}


class _TriggerGroup:
    """The Inputs, upstream sources and initial calls of a group of callbacks, merged: each
    question costs one lookup per Input of the callback asked about, not one pair test per
    member (2,000 set_props writers of an Output of 2,000 callbacks were 4 million pairs)."""

    def __init__(self, triggers: _SharedTriggers, members: list[Callback]) -> None:
        self._triggers = triggers
        self._position = {cb.index: i for i, cb in enumerate(members)}
        self._inputs: dict[str, set[int]] = defaultdict(set)
        self._patterns: dict[str, OverlapIndex] = {}
        for cb in members:
            for d in cb.inputs:
                if isinstance(d.id, str):
                    self._inputs[d.key].add(cb.index)
                else:
                    self._patterns.setdefault(d.property, OverlapIndex()).add(d.id, cb.index)
        bits = [triggers._upstream(cb) for cb in members]
        # sources of all members but one: prefix and suffix unions, each built in one pass
        self._before, self._after = [0], [0]
        for value in bits:
            self._before.append(self._before[-1] | value)
        for value in reversed(bits):
            self._after.append(self._after[-1] | value)
        self._after.reverse()
        self._on_load = [cb.index for cb in members if triggers.on_load(cb)][:2]

    def races(self, callback: Callback) -> bool:
        """Whether ``callback`` can fire for one event with some other member."""
        me = callback.index
        for d in callback.inputs:
            if isinstance(d.id, str):
                if self._inputs.get(d.key, set()) - {me}:
                    return True
            else:
                index = self._patterns.get(d.property)
                if index is not None and any(i != me for i in index.overlapping(d.id)):
                    return True
        at = self._position.get(me)
        others = (self._before[-1] if at is None
                  else self._before[at] | self._after[at + 1])
        if self._triggers._upstream(callback) & others:
            return True
        return self._triggers.on_load(callback) and any(i != me for i in self._on_load)


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
        self._ctx = ctx
        self.declared: set[str] = set()
        for other in ctx.callbacks:
            for d in (*other.inputs, *other.states, *other.outputs):
                if isinstance(d.id, str):
                    self.declared.add(d.id)

    @cached_property
    def built(self) -> set[str]:
        """Asked only for an id no layout has and no callback declares: parsing and walking
        every body for it took a second and a half of a 12,000-callback lint."""
        found: set[str] = set()
        for other in self._ctx.callbacks:
            function = self._ctx.function(other)
            if function is not None:
                found |= built_ids(function)
        return found


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
