"""Baselines through the command line: written on a project, then the project edited (lines
shifted, callbacks reordered, generated ids regenerated): only the truly new finding is reported."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app_sources import callback_source, loop_source

from analysis.baseline import BASELINE_VERSION
from analysis.findings import FINGERPRINT_VERSION
from paths import REPO

HEADER = """
    import uuid
    from dash import Dash, Input, Output, dcc, html

    app = Dash(__name__)
    RUN = str(uuid.uuid4())  # a new id on every run
    SAVED = "{saved}"  # an id generated once and pasted into the source
    app.layout = html.Div([dcc.Input(id=i) for i in (
        "celsius", "fahrenheit", "add", "clear", "x", "y",
        f"{{RUN}}-a", f"{{RUN}}-b", f"panel-{{SAVED}}")] + [html.Div(id="total")])
"""
CONVERTERS = loop_source("to_fahrenheit", "to_celsius", '"celsius"', '"fahrenheit"')
TOTALS = (callback_source("add_item", '"total", "children"', '"add", "value"')
          + callback_source("clear_items", '"total", "children"', 'f"panel-{SAVED}", "value"'))
GENERATED = loop_source("forward", "back", 'f"{RUN}-a"', 'f"{RUN}-b"')
NEW_LOOP = loop_source("x_to_y", "y_to_x", '"x"', '"y"')


def write_app(folder: Path, *parts: str, saved: str, shift: int = 0) -> Path:
    """The fixture project's app.py: ``shift`` comment lines on top, then the parts in order."""
    text = "# a comment\n" * shift + textwrap.dedent(HEADER.format(saved=saved))
    text += "".join(parts)
    (folder / "app.py").write_text(text)
    return folder / "app.py"


def lint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args, "--select", "DASH001,DASH040"], cwd=cwd,
        capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture(scope="module")
def baselined(tmp_path_factory):
    """A baseline written on the first version of the project (3 findings)."""
    folder = tmp_path_factory.mktemp("baseline")
    write_app(folder, CONVERTERS, TOTALS, GENERATED, saved="3fa85f64-5717-4562-b3fc-2c963f66afa6")
    written = lint("app.py", "--write-baseline", "baseline.json", cwd=folder)
    assert written.returncode == 1, written.stderr  # a normal lint: its findings are reported
    assert written.stdout.splitlines()[-1].startswith("Found 3 findings")
    return folder


def test_the_baseline_file_is_versioned_sorted_and_names_each_finding(baselined):
    data = json.loads((baselined / "baseline.json").read_text())
    assert data["baseline_version"] == BASELINE_VERSION
    assert data["fingerprint_version"] == FINGERPRINT_VERSION
    assert list(data["fingerprints"]) == sorted(data["fingerprints"])
    assert sorted(data["fingerprints"].values()) == [
        "DASH001 app.add_item, app.clear_items", "DASH040 app.forward, app.back",
        "DASH040 app.to_fahrenheit, app.to_celsius"]


def test_the_same_project_run_again_reports_nothing(baselined):
    again = lint("app.py", "--baseline", "baseline.json", cwd=baselined)
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.splitlines()[-1] == (
        "All checks passed (6 callbacks); 3 findings in the baseline.")


def test_an_edited_project_reports_only_its_new_finding(baselined, tmp_path):
    (tmp_path / "baseline.json").write_bytes((baselined / "baseline.json").read_bytes())
    # lines shifted, callbacks reordered, the pasted uuid regenerated, one new loop
    write_app(tmp_path, GENERATED, NEW_LOOP, TOTALS, CONVERTERS, shift=7,
              saved="9c1d2e3f-0a1b-4c2d-8e3f-a4b5c6d7e8f9")
    edited = lint("app.py", "--baseline", "baseline.json", cwd=tmp_path)
    assert edited.returncode == 1, edited.stderr
    lines = edited.stdout.splitlines()
    assert len(lines) == 3 and "DASH040" in lines[1] and "`x_to_y`" in lines[1], lines
    assert lines[2] == "Found 1 finding (1 error, 0 warnings); 3 findings in the baseline."
    data = json.loads(lint("app.py", "--baseline", "baseline.json", "--format", "json",
                           cwd=tmp_path).stdout)
    assert [f["functions"] for f in data["findings"]] == [["app.x_to_y", "app.y_to_x"]]
    assert data["summary"]["baselined"] == 3


@pytest.mark.parametrize("change, expected", [
    ({"fingerprint_version": "dashCallbackExplorer/v0"}, "fingerprint_version 'dashCallbackExplorer/v0'"),
    ({"baseline_version": 2}, "baseline_version 2"),
])
def test_a_baseline_of_another_version_is_one_line_and_exit_2(baselined, tmp_path, change, expected):
    data = {**json.loads((baselined / "baseline.json").read_text()), **change}
    (tmp_path / "old.json").write_text(json.dumps(data))
    result = lint("--snapshot", "missing.json", "--baseline", str(tmp_path / "old.json"),
                  cwd=baselined)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and expected in result.stderr
    assert "--write-baseline" in result.stderr


def test_a_missing_or_malformed_baseline_is_an_error(baselined, tmp_path):
    (tmp_path / "bad.json").write_text("[1, 2")
    for path, expected in ((tmp_path / "none.json", "cannot read baseline"),
                           (tmp_path / "bad.json", "not valid JSON")):
        result = lint("app.py", "--baseline", str(path), cwd=baselined)
        assert result.returncode == 2 and expected in result.stderr
