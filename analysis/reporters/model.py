"""What every reporter formats: the snapshot linted and its findings, with counts and paths."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from analysis.findings import Finding
from analysis.snapshot import Snapshot


@dataclass(frozen=True)
class Report:
    """One lint run. ``findings`` are already filtered and sorted; ``title`` names the
    project for the formats that have a heading (the target when None)."""

    snapshot: Snapshot
    findings: tuple[Finding, ...]
    title: str | None = None

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

    def display_path(self, file: str | None) -> str | None:
        """A finding's file as the user's shell and CI see it: relative to the current
        directory when the file is below it, else as recorded (relative to the project root).

        GitHub annotations and code scanning resolve paths from the repository root, which is
        the working directory of a CI step.
        """
        if not file:
            return None
        path = Path(file)
        if not path.is_absolute():
            path = Path(self.snapshot.root) / path
        try:
            relative = Path(os.path.relpath(path.resolve(), Path.cwd().resolve()))
        except ValueError:  # another drive on Windows
            return file
        if relative.parts and relative.parts[0] == "..":
            return file
        return relative.as_posix()
