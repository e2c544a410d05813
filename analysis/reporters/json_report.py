"""JSON for machines: schema_version, target, summary counts, findings, notes (keys only added)."""

from __future__ import annotations

import json

from analysis.reporters.model import Report

JSON_SCHEMA_VERSION = 1


def to_dict(report: Report) -> dict:
    """``{"schema_version", "target", "summary": {...}, "findings": [...]}``; each finding's
    ``file`` as every format names it (``Report.display_path``) and its ``fingerprint``."""
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "target": report.snapshot.target,
        "summary": {
            "callbacks": report.callback_count,
            "components": report.component_count,
            "findings": len(report.findings),
            "errors": report.count("error"),
            "warnings": report.count("warning"),
            "info": report.count("info"),
            "baselined": report.baselined,
        },
        "findings": [
            {**finding.to_dict(), "file": report.display_path(finding.file),
             "fingerprint": fingerprint}
            for finding, fingerprint in zip(report.findings, report.fingerprints)
        ],
        "notes": list(report.snapshot.notes),
        **({"python": report.interpreter.to_dict()} if report.interpreter else {}),
    }


def render(report: Report) -> str:
    return json.dumps(to_dict(report), indent=2) + "\n"
