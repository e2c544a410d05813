"""Baselines: the fingerprints of accepted findings, written once, then only new ones reported."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from typing import Sequence

from analysis.errors import BaselineError
from analysis.findings import FINGERPRINT_VERSION, Finding
from analysis.reporters.model import Report
from analysis.snapshot import write_atomic

#: The version of the file's layout; FINGERPRINT_VERSION is the version of what it holds.
BASELINE_VERSION = 1


@dataclass(frozen=True)
class Filtered:
    """A lint run's findings minus a baseline's, each with the fingerprint it had in the
    whole run (repeats are numbered before anything is left out)."""

    findings: tuple[Finding, ...]
    fingerprints: tuple[str, ...]
    baselined: int


def baseline_text(findings: Sequence[Finding], fingerprints: Sequence[str]) -> str:
    """The baseline file: versions, then ``fingerprint: "CODE functions"`` sorted by
    fingerprint, one a line, so that a baseline's change reads as a small text diff.
    Only the keys count; the values help a reviewer of that diff.

    >>> f = Finding("DASH040", "multi-callback-cycle", "error", "m", functions=("app.a", "app.b"))
    >>> print(baseline_text([f], ["00ff"]), end="")
    {
      "baseline_version": 1,
      "fingerprint_version": "dashCallbackExplorer/v1",
      "fingerprints": {
        "00ff": "DASH040 app.a, app.b"
      }
    }
    """
    about = {fp: f"{f.code} {', '.join(f.functions)}".rstrip()
             for f, fp in zip(findings, fingerprints)}
    data = {"baseline_version": BASELINE_VERSION, "fingerprint_version": FINGERPRINT_VERSION,
            "fingerprints": dict(sorted(about.items()))}
    return json.dumps(data, indent=2) + "\n"


def write_baseline(path: str | os.PathLike, findings: Sequence[Finding],
                   fingerprints: Sequence[str]) -> None:
    """Write the baseline of a run (atomically); BaselineError when it cannot be written."""
    try:
        write_atomic(path, baseline_text(findings, fingerprints))
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {path}: {exc.strerror or exc}") from None


def read_baseline(path: str | os.PathLike) -> frozenset[str]:
    """The fingerprints of a baseline file; BaselineError (one line) for a missing or
    malformed file, or one written by another layout or fingerprint version."""
    fix = "write a new one with --write-baseline"
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise BaselineError(f"baseline {path} is not valid JSON ({exc}); {fix}") from None
    if not isinstance(data, dict) or not isinstance(data.get("fingerprints"), dict):
        raise BaselineError(f"{path} is not a baseline (no \"fingerprints\" object); {fix}")
    versions = (data.get("baseline_version"), data.get("fingerprint_version"))
    if versions != (BASELINE_VERSION, FINGERPRINT_VERSION):
        raise BaselineError(
            f"baseline {path} has baseline_version {versions[0]!r} and fingerprint_version "
            f"{versions[1]!r}; this tool reads {BASELINE_VERSION} and {FINGERPRINT_VERSION}: "
            f"{fix}")
    return frozenset(data["fingerprints"])


def without_baseline(findings: Sequence[Finding], fingerprints: Sequence[str],
                     known: frozenset[str]) -> Filtered:
    """The findings whose fingerprint the baseline does not hold.

    >>> f = Finding("DASH001", "duplicate-output", "error", "m")
    >>> without_baseline([f, f], ["a", "b"], frozenset({"a"}))
    ... # doctest: +ELLIPSIS
    Filtered(findings=(Finding(...),), fingerprints=('b',), baselined=1)
    """
    kept = [(f, fp) for f, fp in zip(findings, fingerprints) if fp not in known]
    return Filtered(tuple(f for f, _ in kept), tuple(fp for _, fp in kept),
                    len(findings) - len(kept))


def with_baseline(report: Report, known: frozenset[str] | None, write: str | None) -> Report:
    """The report of a lint run after ``--write-baseline`` (``write``: every finding) and
    ``--baseline`` (``known``: its fingerprints, read before the run; only the findings it
    does not hold are kept)."""
    if write:
        write_baseline(write, report.findings, report.fingerprints)
    if known is None:
        return report
    kept = without_baseline(report.findings, report.fingerprints, known)
    return replace(report, findings=kept.findings, known_fingerprints=kept.fingerprints,
                   baselined=kept.baselined)
