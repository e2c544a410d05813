"""Reporters: each format parses, carries every finding and the rule metadata it promises."""

from __future__ import annotations

import json
from dataclasses import replace
import re

import pytest
from snapshot_factory import callback, snapshot

from analysis.errors import ConfigError
from analysis.lint import LintSettings, lint
from analysis.reporters import FORMATS, Report, downloadable_formats, render
from analysis.rules import all_rules
from analysis.snapshot import Component


@pytest.fixture(scope="module")
def report():
    snap = snapshot(
        callback(0, ["a.value"], ["b.value"]),
        callback(1, ["b.value"], ["a.value"]),
        callback(2, ["x.n_clicks"], ["t.children"]),
        callback(3, ["y.n_clicks"], ["t.children"], file="pages/p.py", line=7),
        callback(4, ["q.value"], ["r.value"], internal=True),
        components=(Component("a", "dcc.Input", "app"), Component("a", "dcc.Input", "p"), Component("b", "dcc.Input", "app")),
    )
    return Report(snapshot=snap, findings=tuple(lint(snap, LintSettings(select=("DASH001", "DASH040")))))


def test_json_has_the_fixed_shape(report):
    data = json.loads(render(report, "json"))
    assert data["schema_version"] == 1 and data["target"] == "app.py"
    assert data["summary"] == {**data["summary"], "callbacks": 4, "components": 2, "findings": 2}
    for finding in data["findings"]:
        assert {"code", "name", "severity", "message", "file", "line", "functions"} <= set(finding)
    dup = next(f for f in data["findings"] if f["code"] == "DASH001")
    assert dup["functions"] == ["app.cb2", "app.cb3"] and dup["file"] == "app.py" and dup["line"] == 21


def test_text_lines_then_summary(report):
    lines = render(report, "text").splitlines()
    assert re.fullmatch(r"app\.py:1: DASH040 .+", lines[0])
    assert re.fullmatch(r"app\.py:21: DASH001 .+", lines[1])
    assert lines[-1] == "Found 2 findings (2 errors, 0 warnings)."


def test_text_when_clean():
    clean = Report(snapshot=snapshot(callback(0, ["a.value"], ["b.value"])), findings=())
    assert render(clean, "text").strip() == "All checks passed (1 callback)."


def test_sarif_is_structurally_valid(report):
    data = json.loads(render(report, "sarif"))
    assert data["version"] == "2.1.0" and "$schema" in data
    (run,) = data["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "## Why is this bad?" in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    off = [r["id"] for r in rules if not r["defaultConfiguration"]["enabled"]]
    assert off == [r.code for r in all_rules() if not r.default] == [
        "DASH010", "DASH020", "DASH022", "DASH030", "DASH032", "DASH041"]
    assert len(run["results"]) == 2
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith("/")
        assert location["region"]["startLine"] >= 1
        assert result["level"] == "error" and result["message"]["text"]


def test_github_annotations(report):
    lines = render(report, "github").splitlines()
    assert len(lines) == 2
    for line in lines:
        match = re.fullmatch(r"::(error|warning|notice) file=([^,]+),line=(\d+),title=(DASH\d{3}) ([a-z-]+)::(.+)", line)
        assert match, line
    assert lines[0].startswith("::error file=app.py,line=1,title=DASH040 multi-callback-cycle::")


def test_github_escapes_newlines_and_commas():
    snap = snapshot(callback(0, ["a.value"], ["b.value"]), callback(1, ["b.value"], ["a.value"], function="x,y"))
    finding = lint(snap, LintSettings(select=("DASH040",)))[0]
    odd = Report(snapshot=snap, findings=(replace(finding, message="a\nb%"),))
    assert render(odd, "github").strip().endswith("::a%0Ab%25")


def test_unknown_format_is_a_config_error(report):
    assert set(FORMATS) == {"text", "json", "sarif", "github", "markdown"}
    with pytest.raises(ConfigError):
        render(report, "xml")


def test_sarif_result_without_a_file_points_at_the_target(report):
    layout_only = replace(report.findings[0], file=None, line=None)
    data = json.loads(render(replace(report, findings=(layout_only,)), "sarif"))
    location = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "app.py" and location["region"]["startLine"] == 1
    assert render(replace(report, findings=(layout_only,)), "text").startswith("app.py: ")


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_registry_format_renders_a_real_report(report, name):
    output = FORMATS[name]
    assert output.name == name and output.label and "/" in output.media_type
    assert output.suffix.startswith(".")
    rendered = output.render(report)
    assert rendered == render(report, name) and rendered.endswith("\n")
    for finding in report.findings:
        assert finding.code in rendered


def test_the_explorer_downloads_markdown_and_sarif_at_least():
    assert {"markdown", "sarif"} <= {output.name for output in downloadable_formats()}
    assert all(FORMATS[output.name] is output for output in downloadable_formats())


def test_markdown_is_a_titled_table_of_the_findings(report):
    lines = render(replace(report, title="shop|1"), "markdown").splitlines()
    assert lines[0] == "# Dash callback report: shop\\|1"
    assert lines[2].startswith("Target `app.py`, Dash ?, snapshot ")
    assert lines[4:7] == ["- Callbacks: 4", "- Components: 2", "- Findings: 2"]
    rows = [line for line in lines if line.startswith("| error |")]
    assert len(rows) == 2
    assert rows[1].startswith(
        "| error | DASH001 duplicate-output | `app.cb2`, `app.cb3` | `app.py:21` |")
    assert render(report, "markdown").startswith("# Dash callback report: app.py\n")  # no title


def test_markdown_without_findings_says_so():
    clean = Report(snapshot=snapshot(callback(0, ["a.value"], ["b.value"])), findings=(), title="x")
    assert render(clean, "markdown").endswith("- Findings: 0\n\nNo findings.\n")
