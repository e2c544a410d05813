"""The pre-commit hook, run by pre-commit itself from a clone of this repository at HEAD."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from installed import clean_env
from paths import REPO

GOOD = '''\
from dash import Dash, Input, Output, html

app = Dash(__name__)
app.layout = html.Div([html.Button(id="go"), html.Div(id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def show(n):
    return n
'''
BAD = GOOD + '''

@app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def show_again(n):
    return -n
'''


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture(scope="module")
def user_repo(tmp_path_factory) -> Path:
    """A user's git repository whose .pre-commit-config.yaml names a clone of this one."""
    base = tmp_path_factory.mktemp("pre-commit")
    clone = base / "dash-callback-explorer"
    git("clone", "-q", str(REPO), str(clone), cwd=base)  # what is committed on this branch
    repo = base / "shop"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {clone}\n    rev: {git('rev-parse', 'HEAD', cwd=clone)}\n"
        f"    hooks:\n      - id: dash-callback-explorer\n        args: [app.py]\n"
        f"        verbose: true\n")  # show the output of a passing run too
    return repo


def pre_commit(repo: Path, app: str) -> subprocess.CompletedProcess:
    (repo / "app.py").write_text(app)
    git("add", "-A", cwd=repo)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo,
        env=clean_env(PRE_COMMIT_HOME=str(repo.parent / "cache")), capture_output=True,
        text=True, timeout=900)


@pytest.mark.slow
def test_the_hook_fails_on_a_bad_app_and_passes_on_a_good_one(user_repo):
    bad = pre_commit(user_repo, BAD)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "app.py:7: DASH001 out.children is an Output of 2 callbacks" in bad.stdout
    good = pre_commit(user_repo, GOOD)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "All checks passed (1 callback)." in good.stdout
