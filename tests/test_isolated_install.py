"""Isolated installs (pip in a venv, pipx, uv tool) lint a project with its own .venv and `analysis`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from installed import clean_env
from venvs import make_venv

# The project's own top-level `analysis` package, which its app imports: the tool's package of
# the same name must not shadow it, in the project's interpreter nor in the tool's.
PROJECT_ANALYSIS = 'WHOSE = "the project\'s"\n'
APP = '''\
import analysis
from dash import Dash, Input, Output, html

assert analysis.WHOSE == "the project's", "the tool's analysis package shadowed the project's"
app = Dash(__name__)
app.layout = html.Div([html.Button(id="go"), html.Div(id="project-analysis-result")])


@app.callback(Output("project-analysis-result", "children"), Input("go", "n_clicks"),
              prevent_initial_call=True)
def show(n):
    return analysis.WHOSE


@app.callback(Output("project-analysis-result", "children"), Input("go", "n_clicks"))
def show_again(n):
    return n
'''
FINDING = ("app.py:9: DASH001 project-analysis-result.children is an Output of 2 callbacks "
           "without allow_duplicate: `show` (app.py:9), `show_again` (app.py:15)")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clash") / "shop"
    (root / "analysis").mkdir(parents=True)
    (root / "analysis" / "__init__.py").write_text(PROJECT_ANALYSIS)
    (root / "app.py").write_text(APP)
    (root / "pyproject.toml").write_text("[project]\nname = 'shop'\n")
    make_venv(root / ".venv")  # dash through the test runner's packages, not the tool
    return root


@pytest.fixture(params=["pip", "pipx", "uv"])
def tool(request) -> Path:
    """The folder of the tool's commands, installed by pip in a venv, by pipx (from the clone)
    or by uv tool (from the wheel): each an environment of the tool's own."""
    return request.getfixturevalue({"pip": "installed_tool", "pipx": "pipx_tool",
                                    "uv": "uv_tool"}[request.param])


def lint(tool: Path, project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(tool / "dash-callback-explorer"), "app.py", *args],
                          cwd=project, env=clean_env(), capture_output=True, text=True,
                          timeout=180)


@pytest.mark.slow
def test_the_project_venv_imports_the_projects_own_analysis(tool, project, tmp_path):
    run = lint(tool, project, "--save-snapshot", str(tmp_path / "snap.json"))
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stdout.splitlines() == ["Using .venv/bin/python (project .venv)", FINDING,
                                       "Found 1 finding (1 error, 0 warnings)."]
    snapshot = json.loads((tmp_path / "snap.json").read_text())
    assert [c["function"] for c in snapshot["callbacks"]] == ["app.show", "app.show_again"]


@pytest.mark.slow
def test_the_tools_own_interpreter_imports_the_projects_analysis_too(tool, project):
    # the tool's own venv has *our* `analysis` in site-packages: the project's root comes first
    python = (tool / "dash-callback-explorer").resolve().parent / "python"
    run = lint(tool, project, "--python", str(python))
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stdout.splitlines()[1:] == [FINDING, "Found 1 finding (1 error, 0 warnings)."]


@pytest.mark.slow
def test_static_mode_reads_the_project_without_its_interpreter(tool, project):
    run = lint(tool, project, "--static")
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stdout.splitlines()[1:] == [FINDING, "Found 1 finding (1 error, 0 warnings)."]
