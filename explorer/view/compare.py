"""The compare view's data: one merged graph of two versions, each callback and edge marked."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

import networkx as nx

from analysis.diff.compare import match_callbacks
from analysis.diff.model import (
    ADDED, FIXED, REMOVED, UNCHANGED, CallbackChange, DependencyChange, Diff,
)
from analysis.findings import Finding, normalise_id
from analysis.graph import callback_index, callback_node, property_node
from analysis.snapshot import Callback, Dependency, Snapshot
from explorer.view.catalog import Catalog
from explorer.view.filters import focus_nodes
from explorer.view.nodes import element_id

#: The class an element of the merged graph gets for its change (the stylesheet's selectors).
CHANGE_CLASS = {ADDED: "diff-added", REMOVED: "diff-removed", "changed": "diff-changed"}
#: Between BASE and HEAD in a comparison's name, as in git's ranges.
RANGE = ".."
#: Which dependency list of a callback is which edge kind of the graph.
DEPENDENCY_KINDS = ("input", "state", "output")


@dataclass(frozen=True)
class Comparison:
    """A diff drawn as one graph: ``snapshot`` holds HEAD's callbacks (a changed one with
    BASE's dependencies it lost added back, drawn removed) and BASE's removed callbacks
    under new indices; ``findings`` are HEAD's then BASE's fixed ones (their callbacks
    renumbered so), ``finding_status`` says new/unchanged/fixed of each."""

    diff: Diff
    snapshot: Snapshot
    findings: tuple[Finding, ...]
    finding_status: tuple[str, ...]
    changes: dict[str, CallbackChange]  # callback node key -> its change (changed ones only)
    edge_status: dict[tuple[str, str, str], str]  # (source key, target key, kind) -> status

    @property
    def key(self) -> str:
        """How a link names the comparison: ``BASE..HEAD``."""
        return comparison_key(self.diff.base.label, self.diff.head.label)

    def status(self, key: str) -> str:
        """added, removed, changed or unchanged, of a callback node key."""
        change = self.changes.get(key)
        return change.status if change is not None else UNCHANGED


def comparison_key(base: str, head: str) -> str:
    """``BASE..HEAD``, as git names a range.

    >>> comparison_key("git:main", "app.py")
    'git:main..app.py'
    """
    return f"{base}{RANGE}{head}"


def entry_pair(text: str) -> tuple[str, str] | None:
    """BASE and HEAD of a ``BASE..HEAD`` key, or None when ``text`` names one version.

    >>> entry_pair("0001-ci-ab..0002-ci-cd"), entry_pair("0001-ci-ab")
    (('0001-ci-ab', '0002-ci-cd'), None)
    """
    base, sep, head = text.partition(RANGE)
    return (base, head) if sep and base and head else None


def merge(diff: Diff) -> Comparison:
    """The merged graph's snapshot and findings of a diff (see ``Comparison``)."""
    base, head = diff.base.snapshot, diff.head.snapshot
    by_pair = {(id(c.base), id(c.head)): c for c in diff.callbacks}
    lost = _lost_dependencies(diff.dependencies)
    next_index = max((cb.index for cb in (*base.callbacks, *head.callbacks)), default=-1) + 1
    merged: list[Callback] = [cb for cb in head.callbacks if cb.internal]
    renumbered: dict[int, int] = {}  # BASE index -> its index in the merged snapshot
    changes: dict[str, CallbackChange] = {}
    edges: dict[tuple[str, str, str], str] = {}
    for old, new in match_callbacks([cb for cb in base.callbacks if not cb.internal],
                                    [cb for cb in head.callbacks if not cb.internal]):
        if new is None:
            callback = replace(old, index=next_index)
            next_index += 1
        else:
            callback = _with_lost(new, old, lost) if old is not None else new
        if old is not None:
            renumbered[old.index] = callback.index
        change = by_pair.get((id(old), id(new)))
        if change is not None:
            changes[callback_node(callback.index)] = change
        edges.update(_edge_status(callback, change, diff.dependencies))
        merged.append(callback)
    components = {c.id_str for c in head.components}
    snapshot = replace(head, callbacks=tuple(sorted(merged, key=lambda cb: cb.index)),
                       components=head.components + tuple(
                           c for c in base.components if c.id_str not in components))
    findings, statuses = [], []
    for change in diff.findings:
        finding = change.finding
        if change.status == FIXED:
            finding = replace(finding, callbacks=tuple(
                renumbered[i] for i in finding.callbacks if i in renumbered))
        findings.append(finding)
        statuses.append(change.status)
    return Comparison(diff, snapshot, tuple(findings), tuple(statuses), changes, edges)


def _lost_dependencies(dependencies: tuple[DependencyChange, ...]) -> set[tuple[str, str, str]]:
    """(function, kind, key) of each dependency the diff says a callback lost."""
    return {(d.callback, d.kind, d.key) for d in dependencies if d.status == REMOVED}


def _with_lost(new: Callback, old: Callback, lost: set[tuple[str, str, str]]) -> Callback:
    """HEAD's callback with BASE's dependencies it lost (the diff's removed ones) put back,
    so that the merged graph can draw them, as removed."""
    def gone(kind: str, deps: tuple[Dependency, ...]) -> tuple[Dependency, ...]:
        return tuple(d for d in deps if (new.function, kind, normalise_id(d.key)) in lost)
    extra = {kind: gone(kind, deps) for kind, deps in
             zip(DEPENDENCY_KINDS, (old.inputs, old.states, old.outputs))}
    if not any(extra.values()):
        return new
    return replace(new, inputs=new.inputs + extra["input"], states=new.states + extra["state"],
                   outputs=new.outputs + extra["output"])


def _edge_status(callback: Callback, change: CallbackChange | None,
                 dependencies: tuple[DependencyChange, ...]) -> dict[tuple[str, str, str], str]:
    """The added/removed edges of one merged callback: all of an added or removed one, the
    diff's dependency changes of a changed one."""
    node = callback_node(callback.index)
    whole = change.status if change is not None and change.status in (ADDED, REMOVED) else None
    wired = {(d.kind, d.key): d.status for d in dependencies if d.callback == callback.function}
    found: dict[tuple[str, str, str], str] = {}
    for kind, deps in zip(DEPENDENCY_KINDS, (callback.inputs, callback.states, callback.outputs)):
        for dep in deps:
            status = whole or wired.get((kind, normalise_id(dep.key)))
            if status is None:
                continue
            prop = property_node(dep.key)
            found[(node, prop, kind) if kind == "output" else (prop, node, kind)] = status
    return found


def current_findings(comparison: Comparison) -> tuple[Finding, ...]:
    """HEAD's findings (new and unchanged), without BASE's fixed ones."""
    return tuple(f for f, status in zip(comparison.findings, comparison.finding_status)
                 if status != FIXED)


def mark_changes(elements: tuple[dict, ...], comparison: Comparison) -> list[dict]:
    """The elements with a ``change`` data field (added, removed, changed, unchanged) on
    each callback and dependency edge, and its class (``CHANGE_CLASS``); new dicts, the
    given ones are memoised elsewhere."""
    edge_status = {(element_id(s), element_id(t), kind): status
                   for (s, t, kind), status in comparison.edge_status.items()}
    marked = []
    for element in elements:
        data = element["data"]
        if "source" in data:
            status = edge_status.get((data["source"], data["target"], data.get("kind")),
                                     UNCHANGED)
        elif callback_index(data.get("key", "")) is not None:
            status = comparison.status(data["key"])
        else:
            marked.append(element)
            continue
        classes = f"{element.get('classes', '')} {CHANGE_CLASS.get(status, '')}".strip()
        marked.append({**element, "data": {**data, "change": status}, "classes": classes})
    return marked


def changed_neighbourhood(graph: nx.DiGraph, catalog: Catalog, comparison: Comparison
                          ) -> set[str]:
    """What "changes only" shows: the added, removed and changed callbacks, the properties
    they use, and the callbacks one property up- or downstream (writing what they read,
    reading what they write)."""
    changed = tuple(key for key in comparison.changes if key in graph)
    return focus_nodes(graph, catalog, changed, "both", 2) if changed else set()


def source_diff(change: CallbackChange, base_label: str, head_label: str) -> str:
    """The unified diff of a changed callback's recorded source (empty when the same)."""
    def lines(callback: Callback | None) -> list[str]:
        if callback is None:
            return []
        text = callback.js_source if callback.kind == "clientside" else callback.source
        return (text or "").splitlines()
    old, new = change.base, change.head
    return "\n".join(difflib.unified_diff(
        lines(old), lines(new), lineterm="",
        fromfile=f"{base_label} {old.location if old else ''}".strip(),
        tofile=f"{head_label} {new.location if new else ''}".strip()))


def wiring_changes(comparison: Comparison, change: CallbackChange) -> list[DependencyChange]:
    """The diff's dependency changes of one callback."""
    name = change.callback.function
    return [d for d in comparison.diff.dependencies if d.callback == name]
