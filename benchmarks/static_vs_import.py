"""Lint apps in import mode and in static mode and compare the findings (issue 14's goal)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.findings import Finding  # noqa: E402
from analysis.lint import lint  # noqa: E402
from analysis.probe.runner import snapshot_target  # noqa: E402
from analysis.settings import LintSettings  # noqa: E402
from analysis.static.build import static_snapshot  # noqa: E402

EVERY_RULE = LintSettings(select=("ALL",))
Key = tuple[str, str | None, int | None, tuple[str, ...]]


def key(finding: Finding) -> Key:
    """What makes two findings the same across modes: code, place and callbacks' functions."""
    return finding.code, finding.file, finding.line, finding.functions


def compare(target: str, timeout: float = 60.0) -> tuple[set[Key], set[Key]]:
    """The findings of every rule on ``target``: (import mode's, static mode's)."""
    imported = {key(f) for f in lint(snapshot_target(target, timeout=timeout), EVERY_RULE)}
    static = {key(f) for f in lint(static_snapshot(target), EVERY_RULE)}
    return imported, static


def main(targets: Iterable[str]) -> int:
    total_import = total_static_shared = 0
    for target in targets:
        try:
            imported, static = compare(target)
        except Exception as exc:  # noqa: BLE001 - a report over many apps goes on
            print(f"{target}: error {type(exc).__name__}: {exc}")
            continue
        shared = imported & static
        total_import += len(imported)
        total_static_shared += len(shared)
        extra = static - imported
        print(f"{target}: import {len(imported)}, static {len(static)}, shared {len(shared)}"
              + (f", STATIC ONLY {sorted(extra)}" if extra else ""))
    print(f"total: import {total_import}, static found {total_static_shared}"
          f" ({100 * total_static_shared / max(total_import, 1):.0f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
