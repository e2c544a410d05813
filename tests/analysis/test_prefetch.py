"""Parsing ahead: files parsed while the probe runs give lint exactly what the snapshot says."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from analysis.context import LintContext
from analysis.lint import LintSettings, lint
from analysis.source.prefetch import ParsedSources, project_files
from analysis.probe.runner import snapshot_target
from analysis.source.python import parse_function
from paths import REPO

DEMO = REPO / "examples" / "demo"

BUTTON_APP = '''\
from dash import Dash, Input, Output, callback, html

app = Dash(__name__)
app.layout = html.Div([html.Button(id="go"), html.Div(id="out")])


@callback(Output("out", "children"), Input("go", "n_clicks"))
def show(n):
    if n:
        return f"clicked {n}"
'''


def parsed_ahead(root: Path, first: Path | None = None) -> ParsedSources:
    sources = ParsedSources()
    for path in project_files(root, first):
        sources.add(path)
    return sources


def shape(node: ast.AST) -> str:
    return ast.dump(node, include_attributes=False)


@pytest.fixture(scope="module")
def demo_snapshot():
    return snapshot_target(str(DEMO))


def test_every_demo_callback_comes_parsed_ahead_and_equals_a_parse_of_its_source(demo_snapshot):
    context = LintContext(demo_snapshot, parsed_ahead(DEMO, DEMO / "app.py"))
    server = [cb for cb in context.callbacks if cb.kind == "server"]
    assert server
    for callback in server:
        ahead = context.function(callback)
        assert ahead is not None and ahead.lineno == callback.def_line  # whole-file lines
        assert shape(ahead) == shape(parse_function(callback.source))


def test_findings_are_identical_with_and_without_parsing_ahead(demo_snapshot):
    plain = lint(demo_snapshot)
    ahead = lint(demo_snapshot, sources=parsed_ahead(DEMO, DEMO / "app.py"))
    assert [f.to_dict() for f in ahead] == [f.to_dict() for f in plain]
    assert "DASH023" in {f.code for f in plain}  # its message names lines: they must agree


def test_a_file_edited_after_the_probe_is_not_trusted(tmp_path):
    app = tmp_path / "app.py"
    app.write_text(BUTTON_APP)
    snapshot = snapshot_target(str(app))
    app.write_text(BUTTON_APP.replace("if n:\n        return", "return"))  # fixed since
    context = LintContext(snapshot, parsed_ahead(tmp_path, app))
    (callback,) = context.callbacks
    assert shape(context.function(callback)) == shape(parse_function(callback.source))
    selected = LintSettings(select=("DASH020",))
    assert [f.code for f in lint(snapshot, selected, sources=parsed_ahead(tmp_path, app))] == [
        "DASH020"]


def test_windows_line_endings_still_match_the_recorded_source(tmp_path):
    app = tmp_path / "app.py"
    app.write_bytes(BUTTON_APP.replace("\n", "\r\n").encode())
    snapshot = snapshot_target(str(app))
    context = LintContext(snapshot, parsed_ahead(tmp_path, app))
    (callback,) = context.callbacks
    assert context.function(callback).lineno == callback.def_line  # taken from the file


def test_files_that_cannot_register_callbacks_or_parse_are_skipped(tmp_path):
    (tmp_path / "helpers.py").write_text("def add(a, b):\n    return a + b\n")
    (tmp_path / "broken.py").write_text("@callback(\ndef f(:\n")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "home.py").write_text(BUTTON_APP)
    sources = parsed_ahead(tmp_path)
    assert list(sources.files) == [str(tmp_path / "pages" / "home.py")]


def test_project_files_leave_out_virtualenvs_caches_and_hidden_folders(tmp_path):
    for folder in (".venv", "env", "node_modules", "__pycache__", ".git", "pages"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "mod.py").write_text("x = 1\n")
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (tmp_path / "app.py").write_text("x = 1\n")
    found = [p.relative_to(tmp_path).as_posix() for p in project_files(tmp_path, tmp_path / "app.py")]
    assert found == ["app.py", "pages/mod.py"]  # the entry first, then the walk


def test_project_walk_ends_once_stopped(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "mod.py").write_text("x = 1\n")
    stop = threading.Event()
    stop.set()
    assert list(project_files(tmp_path, stop=stop)) == []


def test_the_command_line_reports_the_same_with_parsing_ahead(tmp_path):
    """End to end through ``python -m analysis``: the JSON equals linting the saved snapshot,
    which parses every function from the snapshot alone."""
    saved = tmp_path / "demo.json"
    live = subprocess.run(
        # --select on both: a --snapshot run does not find the demo's own pyproject.toml
        [sys.executable, "-m", "analysis", str(DEMO), "--format", "json", "--select", "ALL",
         "--save-snapshot", str(saved)], cwd=REPO, capture_output=True, text=True,
    )
    offline = subprocess.run(
        [sys.executable, "-m", "analysis", "--snapshot", str(saved), "--format", "json",
         "--select", "ALL"],
        cwd=REPO, capture_output=True, text=True,
    )
    assert live.returncode == offline.returncode == 1
    assert json.loads(live.stdout)["findings"] == json.loads(offline.stdout)["findings"]


def lint_both_ways(app: Path) -> tuple[list[dict], list[dict]]:
    """Findings of a live run's parse-ahead and of the snapshot alone (``--snapshot``)."""
    snapshot = snapshot_target(str(app))
    ahead = lint(snapshot, sources=parsed_ahead(app.parent, app))
    alone = lint(snapshot)
    return [f.to_dict() for f in ahead], [f.to_dict() for f in alone]


AWKWARD_APP = '''\
import time

from dash import Dash, Input, Output, callback, html

app = Dash(__name__)
app.layout = html.Div([html.Button(id="go"), html.Div(id="out"), html.Div(id="log"),
                       html.Div(id="help")])
\x0c

@callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def show(n):
    if n:
        return f"clicked {n}"
    return "not yet"


@callback(Output("log", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
async def log(n):
    return "logged"
    time.sleep(1)  # dead code: the probe's recorded source ends before it


def register(target):
    @target.callback(Output("help", "children"), Input("go", "n_clicks"),
                     prevent_initial_call=True)
    def helper(n):
        text = """
Help text at column 0.
"""
        return text


register(app)
'''


def test_awkward_sources_give_the_same_findings_with_and_without_parsing_ahead(tmp_path):
    """A form feed (str.splitlines splits there, Python does not), dead code after a return
    (left out of the recorded source) and a nested def with a column-0 string (dedent fails)."""
    app = tmp_path / "app.py"
    app.write_text(AWKWARD_APP)
    ahead, alone = lint_both_ways(app)
    assert ahead == alone
    assert [f["code"] for f in alone] == []  # show() always returns; nothing else is wrong


def test_a_fifo_named_like_a_module_does_not_hang_the_parse_ahead(tmp_path):
    app = tmp_path / "app.py"
    app.write_text(BUTTON_APP)
    os.mkfifo(tmp_path / "zz_pipe.py")
    (tmp_path / "loop.py").symlink_to(tmp_path / "loop.py")  # a symlink loop as well
    done = subprocess.run([sys.executable, "-m", "analysis", str(app), "--select", "DASH020"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "DASH020" in done.stdout
    assert done.stderr == ""  # no thread traceback
