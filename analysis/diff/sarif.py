"""The diff's findings as SARIF 2.1.0: HEAD's new and unchanged results, BASE's fixed as absent."""

from __future__ import annotations

import json

from analysis.diff.model import FIXED, NEW, Diff
from analysis.findings import FINGERPRINT_VERSION
from analysis.reporters import sarif
from analysis.reporters.model import Report

#: SARIF's baselineState for each status of a finding in a diff.
BASELINE_STATE = {NEW: "new", FIXED: "absent"}


def to_dict(diff: Diff) -> dict:
    """The lint SARIF of HEAD, every result marked new or unchanged, then BASE's fixed
    findings as ``absent`` results (what code scanning and SARIF viewers call them)."""
    state = {c.fingerprint: BASELINE_STATE.get(c.status, "unchanged") for c in diff.findings}
    fixed = [c for c in diff.findings if c.status == FIXED]
    data = sarif.to_dict(Report(diff.head.snapshot, diff.head.findings,
                                known_fingerprints=diff.head.fingerprints))
    absent = sarif.to_dict(Report(diff.base.snapshot, tuple(c.finding for c in fixed),
                                  known_fingerprints=tuple(c.fingerprint for c in fixed)))
    results = data["runs"][0]["results"] + absent["runs"][0]["results"]
    for result in results:
        result["baselineState"] = state[result["partialFingerprints"][FINGERPRINT_VERSION]]
    data["runs"][0]["results"] = results
    return data


def render(diff: Diff) -> str:
    return json.dumps(to_dict(diff), indent=2) + "\n"
