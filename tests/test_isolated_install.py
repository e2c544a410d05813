"""An isolated install (as pipx makes one) lints a project with its own .venv and `analysis`."""

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
'''


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clash") / "shop"
    (root / "analysis").mkdir(parents=True)
    (root / "analysis" / "__init__.py").write_text(PROJECT_ANALYSIS)
    (root / "app.py").write_text(APP)
    (root / "pyproject.toml").write_text("[project]\nname = 'shop'\n")
    make_venv(root / ".venv")  # dash through the test runner's packages, not the tool
    return root


def lint(installed_tool: Path, project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(installed_tool / "dash-callback-explorer"), "app.py", *args],
                          cwd=project, env=clean_env(), capture_output=True, text=True,
                          timeout=180)


@pytest.mark.slow
def test_the_project_venv_imports_the_projects_own_analysis(installed_tool, project, tmp_path):
    run = lint(installed_tool, project, "--save-snapshot", str(tmp_path / "snap.json"))
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines() == ["Using .venv/bin/python (project .venv)",
                                       "All checks passed (1 callback)."]
    snapshot = json.loads((tmp_path / "snap.json").read_text())
    assert [c["function"] for c in snapshot["callbacks"]] == ["app.show"]


@pytest.mark.slow
def test_the_tools_own_interpreter_imports_the_projects_analysis_too(installed_tool, project):
    # the tool's own venv has *our* `analysis` in site-packages: the project's root comes first
    run = lint(installed_tool, project, "--python", str(installed_tool / "python"))
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[-1] == "All checks passed (1 callback)."
