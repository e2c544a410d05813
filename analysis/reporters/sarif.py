"""SARIF 2.1.0 with the rule catalog's metadata, for GitHub code scanning and other viewers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import analysis
from analysis.findings import FINGERPRINT_VERSION
from analysis.reporters.model import Report
from analysis.rules import Rule, all_rules

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(rule: Rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _first_section(rule.rationale) or rule.summary},
        "help": {"text": rule.rationale, "markdown": rule.rationale},
        # off-by-default rules say so (SARIF reportingConfiguration.enabled)
        "defaultConfiguration": {"level": _LEVEL[rule.severity], "enabled": rule.default},
        "properties": {"tags": [rule.severity]},
    }


def _first_section(rationale: str) -> str:
    """The text of the ``## What it does`` section, on one line.

    >>> _first_section("## What it does\\nFinds x\\nand y.\\n\\n## Why is this bad?\\nz")
    'Finds x and y.'
    """
    match = re.search(r"## What it does\s*\n(.*?)(?:\n## |\Z)", rationale, re.S)
    return " ".join(match.group(1).split()) if match else ""


def _artifact(path: str) -> dict:
    """A path below the current directory is relative to ``%SRCROOT%`` (the current
    directory); one outside it an absolute ``file:`` URI, which needs no base.

    >>> _artifact("pages/a b.py")
    {'uri': 'pages/a%20b.py', 'uriBaseId': '%SRCROOT%'}
    >>> _artifact("/srv/app.py")
    {'uri': 'file:///srv/app.py'}
    """
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}


def to_dict(report: Report) -> dict:
    rules = all_rules()
    index_of = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for finding, fingerprint in zip(report.findings, report.fingerprints):
        result = {
            "ruleId": finding.code,
            "level": _LEVEL.get(finding.severity, "warning"),
            "message": {"text": finding.message},
            "partialFingerprints": {FINGERPRINT_VERSION: fingerprint},
            "properties": {"functions": list(finding.functions)},
        }
        if finding.code in index_of:
            result["ruleIndex"] = index_of[finding.code]
        # Code scanning wants a location on every result: a finding about the layout alone
        # points at the target's file when the target is one.
        path = report.location(finding)
        if path:
            location = {"artifactLocation": _artifact(path)}
            location["region"] = {"startLine": finding.line or 1}
            result["locations"] = [{"physicalLocation": location}]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dash-callback-explorer",
                        "version": analysis.__version__,
                        "rules": [_rule_descriptor(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}},
                "results": results,
                **({"properties": {"python": report.interpreter.to_dict()}}
                   if report.interpreter else {}),
            }
        ],
    }


def render(report: Report) -> str:
    return json.dumps(to_dict(report), indent=2) + "\n"
