"""What a diff holds: both sides (snapshot, findings) and each change between them, as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from analysis.findings import Finding
from analysis.snapshot import Callback, Snapshot

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
NEW, FIXED, UNCHANGED = "new", "fixed", "unchanged"
#: What changed in a callback present on both sides.
WIRING, FLAGS, SOURCE = "wiring", "flags", "source"


@dataclass(frozen=True)
class Side:
    """One version: how the user named it (``git:main``, ``app.py``, ``snap.json``), its
    snapshot, and its findings with their fingerprints (in the same order). ``graph``: the
    snapshot's ``build_graph``, when the caller already has it (the hosted explorer keeps
    the lint's): built here otherwise."""

    label: str
    snapshot: Snapshot
    findings: tuple[Finding, ...] = ()
    fingerprints: tuple[str, ...] = ()
    graph: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class CallbackChange:
    """A callback added, removed, or changed (``aspects``: wiring, flags, source)."""

    status: str
    base: Callback | None
    head: Callback | None
    aspects: tuple[str, ...] = ()

    @property
    def callback(self) -> Callback:
        """The newest version of the callback (HEAD's, or BASE's when removed)."""
        return self.head or self.base  # type: ignore[return-value]


@dataclass(frozen=True)
class DependencyChange:
    """One Input/State/Output of a callback added or removed (``key``: ``id.prop``)."""

    status: str
    callback: str  # the callback's function name
    kind: str  # "input" | "state" | "output"
    key: str


@dataclass(frozen=True)
class FindingChange:
    """A finding new in HEAD, fixed (only in BASE) or unchanged, matched by fingerprint."""

    status: str
    finding: Finding
    fingerprint: str


@dataclass(frozen=True)
class Diff:
    """Everything that differs between BASE and HEAD, each list in a stable order."""

    base: Side
    head: Side
    callbacks: tuple[CallbackChange, ...] = ()
    dependencies: tuple[DependencyChange, ...] = ()
    findings: tuple[FindingChange, ...] = ()
    cycles_introduced: tuple[tuple[str, ...], ...] = ()  # function names of each new loop
    cycles_removed: tuple[tuple[str, ...], ...] = ()

    def of(self, status: str) -> list:
        """The callback or finding changes of one status (added, removed, changed, new, ...)."""
        return [c for c in (*self.callbacks, *self.findings) if c.status == status]

    @property
    def new_findings(self) -> list[FindingChange]:
        return self.of(NEW)
