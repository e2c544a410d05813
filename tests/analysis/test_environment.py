"""The target's interpreter found for the user: --python, the active venv, a project .venv, ours."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.environment import find_interpreter
from paths import REPO
from venvs import make_venv, purelib

APP = '''\
import onlyhere  # importable only in the project's own virtualenv
from dash import Dash, html

app = Dash(__name__)
app.layout = html.Div(onlyhere.TEXT, id="title")
'''


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project (pyproject.toml at its root) with its own ``.venv`` and its app one folder
    down; the app imports a module that only that ``.venv`` holds."""
    root = tmp_path_factory.mktemp("project")
    (root / "pyproject.toml").write_text("[project]\nname = 'shop'\n")
    python = make_venv(root / ".venv")
    (purelib(python) / "onlyhere.py").write_text("TEXT = 'from the project venv'\n")
    (root / "src").mkdir()
    (root / "src" / "app.py").write_text(APP)
    return root


def test_a_project_venv_up_to_the_project_root_is_found(project):
    found = find_interpreter(project / "src", environ={})
    assert (found.path, found.source) == (str(project / ".venv" / "bin" / "python"),
                                          "project .venv")


def test_the_active_virtualenv_wins_over_the_project_venv(project, tmp_path):
    other = make_venv(tmp_path / "active", outer_packages=False)
    found = find_interpreter(project / "src", environ={"VIRTUAL_ENV": str(tmp_path / "active")})
    assert (found.path, found.source) == (str(other), "active virtualenv")


def test_the_tools_own_virtualenv_as_the_active_one_is_passed_over(project):
    # pre-commit runs a hook with VIRTUAL_ENV set to the hook's (the tool's) environment
    found = find_interpreter(project / "src", environ={"VIRTUAL_ENV": sys.prefix})
    assert found.source == "project .venv"


def test_explicit_python_wins(project):
    found = find_interpreter(project / "src", "/opt/py/bin/python", environ={})
    assert (found.path, found.source) == ("/opt/py/bin/python", "--python")


def test_no_venv_above_the_project_root_is_used(tmp_path):
    make_venv(tmp_path / ".venv", outer_packages=False)  # beside, not inside, the project
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "pyproject.toml").write_text("")
    found = find_interpreter(tmp_path / "shop", environ={})
    assert (found.path, found.source) == (sys.executable, "this tool's own")


def test_without_a_project_root_only_the_targets_folder_is_searched(tmp_path):
    make_venv(tmp_path / "venv", outer_packages=False)
    (tmp_path / "app").mkdir()
    assert find_interpreter(tmp_path / "app", environ={}).source == "this tool's own"
    assert find_interpreter(tmp_path, environ={}).source == "project venv"


def lint(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}  # no VIRTUAL_ENV
    return subprocess.run([sys.executable, "-m", "analysis", "src/app.py", *args], cwd=project,
                          env=env, capture_output=True, text=True, timeout=120)


def test_the_linter_imports_the_app_with_the_project_venv_and_says_so(project):
    run = lint(project)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Using .venv/bin/python (project .venv)"
    assert lines[-1].startswith("All checks passed")


def test_json_and_sarif_carry_the_interpreter_as_data_only(project):
    report = json.loads(lint(project, "--format", "json").stdout)  # nothing before the JSON
    assert report["python"] == {"path": str(project / ".venv" / "bin" / "python"),
                                "source": "project .venv"}
    sarif = json.loads(lint(project, "--format", "sarif").stdout)
    assert sarif["runs"][0]["properties"]["python"]["source"] == "project .venv"


def test_the_explorer_finds_the_project_venv_too(project):
    from explorer.serve import projects_from

    (shop,) = projects_from([str(project / "src" / "app.py")], [], None, 60.0)
    assert shop.python == str(project / ".venv" / "bin" / "python")
