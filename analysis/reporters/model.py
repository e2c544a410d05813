"""What every reporter formats: the snapshot linted and its findings, with counts and paths."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.findings import Finding, fingerprints
from analysis.snapshot import Snapshot

if TYPE_CHECKING:
    from analysis.environment import Interpreter


@dataclass(frozen=True)
class Report:
    """One lint run. ``findings`` are already filtered and sorted; ``title`` names the
    project for the formats that have a heading (the target when None)."""

    snapshot: Snapshot
    findings: tuple[Finding, ...]
    title: str | None = None
    interpreter: Interpreter | None = None  # what imported the target (None: a saved snapshot)
    baselined: int = 0  # findings left out because a baseline holds them (``--baseline``)
    #: The findings' fingerprints when computed before some were left out (a baseline), since
    #: the numbering of repeats depends on the whole run.
    known_fingerprints: tuple[str, ...] | None = None

    @property
    def callback_count(self) -> int:
        """Callbacks the user wrote (Dash's own internal ones left out)."""
        return sum(1 for cb in self.snapshot.callbacks if not cb.internal)

    @property
    def component_count(self) -> int:
        """Distinct component ids over all layouts."""
        return len({c.id_str for c in self.snapshot.components})

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @cached_property
    def fingerprints(self) -> tuple[str, ...]:
        """Each finding's stable identity, all distinct (``analysis.findings.fingerprints``)."""
        if self.known_fingerprints is not None:
            return self.known_fingerprints
        return tuple(fingerprints(self.findings, self.snapshot))

    def display_path(self, file: str | None) -> str | None:
        """A finding's file as every format names it, the way ruff does: relative to the
        current directory when the file is below it, else the project root joined with the
        recorded path (absolute when the root is), so a terminal or editor can open it.

        GitHub annotations and code scanning resolve paths from the repository root, which is
        the working directory of a CI step. Only a display string: nothing is opened.
        """
        if not file:
            return None
        path = Path(file)
        if not path.is_absolute():
            path = Path(self.snapshot.root) / path
        return _below_cwd(path)

    def location(self, finding: Finding) -> str | None:
        """Where a format points for a finding: its file, else (a finding about the layout
        alone) the target's file when the target is one."""
        if finding.file:
            return self.display_path(finding.file)
        if self.snapshot.target.endswith(".py"):
            return _below_cwd(Path(self.snapshot.target))
        return None


def _below_cwd(path: Path) -> str:
    """``path`` relative to the current directory when below it, else as given (posix)."""
    cwd = Path.cwd().resolve()
    try:
        relative = Path(os.path.relpath(path.resolve(), cwd))
    except ValueError:  # another drive on Windows
        return path.as_posix()
    if relative.parts and relative.parts[0] == "..":
        return path.as_posix()
    return relative.as_posix()
