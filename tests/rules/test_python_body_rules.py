"""Rules that read a Python function body leave clientside callbacks alone."""

from __future__ import annotations

from analysis.snapshot import Dependency
from snapshot_factory import callback, rule_findings, snapshot


def test_python_body_rules_skip_clientside_callbacks():
    cb = callback(0, (Dependency("a", "value"), Dependency("o", "value")),
                  (Dependency("o", "value"),), kind="clientside", function="clientside:inline",
                  no_output=True, js_source="function (a, o) { return ctx.triggered[0]['prop_id']; }")
    for code in ("DASH020", "DASH022", "DASH023", "DASH030", "DASH032", "DASH041", "DASH050",
                 "DASH051"):
        assert rule_findings(code, snapshot(cb, apps=("m:app",))) == [], code
