"""The comparison: plain functions from two Sides (snapshots and findings) to a Diff."""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable

from analysis.digraph import DiGraph
from analysis.diff.model import (
    ADDED, CHANGED, FIXED, FLAGS, NEW, REMOVED, SOURCE, UNCHANGED, WIRING,
    CallbackChange, DependencyChange, Diff, FindingChange, Side,
)
from analysis.findings import callback_identity, normalise_id
from analysis.graph import build_graph, cycles
from analysis.snapshot import Callback, Snapshot


def compare(base: Side, head: Side) -> Diff:
    """What changed from ``base`` to ``head``: callbacks, their dependencies, loops, findings."""
    pairs = match_callbacks(_user_callbacks(base.snapshot), _user_callbacks(head.snapshot))
    changes, dependencies = [], []
    for old, new in pairs:
        change = _callback_change(old, new)
        if change is not None:
            changes.append(change)
        dependencies += _dependency_changes(old, new)
    base_loops, head_loops = _loops(base), _loops(head)
    return Diff(
        base=base, head=head,
        callbacks=tuple(sorted(changes, key=lambda c: (c.status, c.callback.function))),
        dependencies=tuple(sorted(dependencies, key=lambda d: (d.callback, d.kind, d.key,
                                                                d.status))),
        findings=tuple(_finding_changes(base, head)),
        cycles_introduced=tuple(sorted(head_loops - base_loops)),
        cycles_removed=tuple(sorted(base_loops - head_loops)),
    )


def match_callbacks(base: list[Callback], head: list[Callback]
                    ) -> list[tuple[Callback | None, Callback | None]]:
    """Pairs of the same callback in two versions; a callback on one side only is paired
    with None. The same callback is the one writing the same Outputs (``output_identity``:
    Dash's own key for a callback), else, for rewired Outputs or callbacks without any,
    the one with the same function (``callback_identity``); a key that several callbacks of
    one side share matches nothing (it tells no callback apart).

    >>> from analysis.snapshot import Dependency as D
    >>> a = Callback(0, "app.f", outputs=(D("x", "value"),))
    >>> b = Callback(4, "app.g", outputs=(D("x", "value"),))
    >>> c = Callback(5, "app.f", outputs=(D("y", "value"),))
    >>> [(o and o.index, n and n.index) for o, n in match_callbacks([a], [b])]
    [(0, 4)]
    >>> [(o and o.index, n and n.index) for o, n in match_callbacks([a], [c])]
    [(0, 5)]
    """
    pairs: list[tuple[Callback | None, Callback | None]] = []
    left, right = list(base), list(head)
    for identity in (output_identity, callback_identity):
        found = _unique_matches(left, right, identity)
        pairs += found
        taken = {id(cb) for pair in found for cb in pair}
        left = [cb for cb in left if id(cb) not in taken]
        right = [cb for cb in right if id(cb) not in taken]
    return pairs + [(cb, None) for cb in left] + [(None, cb) for cb in right]


def output_identity(callback: Callback) -> str:
    """A callback's Outputs as one key (generated id parts normalised); "" without Outputs."""
    return "|".join(sorted(normalise_id(dep.key) for dep in callback.outputs))


def _unique_matches(left: list[Callback], right: list[Callback],
                    identity: Callable[[Callback], str]) -> list[tuple[Callback, Callback]]:
    keys_left, keys_right = Counter(map(identity, left)), Counter(map(identity, right))
    by_key = {identity(cb): cb for cb in right}
    return [(cb, by_key[key]) for cb in left
            if (key := identity(cb)) and keys_left[key] == 1 and keys_right[key] == 1]


def _user_callbacks(snapshot: Snapshot) -> list[Callback]:
    return [cb for cb in snapshot.callbacks if not cb.internal]


def _callback_change(old: Callback | None, new: Callback | None) -> CallbackChange | None:
    if old is None or new is None:
        return CallbackChange(ADDED if old is None else REMOVED, old, new)
    aspects = tuple(aspect for aspect, view in ((WIRING, _wiring), (FLAGS, _flags),
                                                (SOURCE, _source))
                    if view(old) != view(new))
    return CallbackChange(CHANGED, old, new, aspects) if aspects else None


def _dependencies(callback: Callback | None) -> set[tuple[str, str]]:
    if callback is None:
        return set()
    return {(kind, normalise_id(dep.key))
            for kind, deps in (("input", callback.inputs), ("state", callback.states),
                               ("output", callback.outputs))
            for dep in deps}


def _dependency_changes(old: Callback | None, new: Callback | None) -> list[DependencyChange]:
    name = (new or old).function  # type: ignore[union-attr]
    before, after = _dependencies(old), _dependencies(new)
    return ([DependencyChange(ADDED, name, kind, key) for kind, key in after - before]
            + [DependencyChange(REMOVED, name, kind, key) for kind, key in before - after])


def _wiring(callback: Callback) -> tuple:
    return (sorted(_dependencies(callback)),
            sorted(normalise_id(d.key) for d in callback.outputs if d.allow_duplicate))


def _flags(callback: Callback) -> tuple:
    extras = tuple(sorted(normalise_id(d.key) for d in group)
                   for group in (callback.running, callback.progress, callback.cancel))
    return (callback.kind, callback.prevent_initial_call_effective, callback.background,
            callback.is_async, callback.optional, callback.multi_output, callback.no_output,
            extras)


def _source(callback: Callback) -> list[str]:
    """The callback's code line by line from its ``def`` on, trailing blanks ignored: its
    decorator is its wiring, told apart as such, and its place in the file is not part of it
    (a line shift is no change)."""
    text = callback.js_source if callback.kind == "clientside" else callback.source
    lines = [line.rstrip() for line in (text or "").strip("\n").splitlines()]
    start = next((n for n, line in enumerate(lines)
                  if line.lstrip().startswith(("def ", "async def "))), 0)
    return lines[start:]


def _loops(side: Side) -> set[tuple[str, ...]]:
    """Each loop of callbacks (``analysis.graph.cycles``) as its sorted callback identities."""
    graph = (side.graph if side.graph is not None
             else build_graph(side.snapshot, graph_type=DiGraph))
    return {tuple(sorted(callback_identity(cb) for cb in group)) for group in cycles(graph)}


def _finding_changes(base: Side, head: Side) -> Iterable[FindingChange]:
    known = set(base.fingerprints)
    current = set(head.fingerprints)
    for finding, fingerprint in zip(head.findings, head.fingerprints):
        yield FindingChange(UNCHANGED if fingerprint in known else NEW, finding, fingerprint)
    for finding, fingerprint in zip(base.findings, base.fingerprints):
        if fingerprint not in current:
            yield FindingChange(FIXED, finding, fingerprint)
