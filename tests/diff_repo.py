"""A git repository with two commits of a fixture project and every kind of change between
them (added, removed, rewired, source-only, a finding new and one fixed, a cycle introduced):
shared by the tests of the CLI diff, the hosted diff API and the compare view."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from app_sources import callback_source, loop_source
from paths import REPO

LAYOUT = """
    from dash import Dash, Input, Output, html, dcc

    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id=i) for i in (
        "btn", "in1", "in2", "in3", "x", "y", "a", "b")] + [html.Div(id=i) for i in (
        "out", "r1", "r2", "g", "n", "total", "total2")])
"""
FIRST_TOTAL = callback_source("first_total", '"total", "children"', '"a", "value"')
BASE = (textwrap.dedent(LAYOUT)
        + callback_source("show", '"out", "children"', '"btn", "value"', 'f"{v} clicks"')
        + callback_source("rewire", '"r1", "children"', '"in1", "value"')
        + callback_source("gone", '"g", "children"', '"in2", "value"')
        + FIRST_TOTAL + callback_source("second_total", '"total", "children"', '"b", "value"'))
HEAD = (textwrap.dedent(LAYOUT) + "# a line that shifts everything below\n"
        + callback_source("show", '"out", "children"', '"btn", "value"', 'f"clicked {v} times"')
        + callback_source("rewire", '"r2", "children"', '"in1", "value"')
        + callback_source("added", '"n", "children"', '"in3", "value"')
        + FIRST_TOTAL + callback_source("second_total", '"total2", "children"', '"b", "value"')
        + loop_source("x_to_y", "y_to_x", '"x"', '"y"'))
#: Each callback change from BASE to HEAD: function -> (status, what changed).
CALLBACK_CHANGES = {
    "app.show": ("changed", ["source"]), "app.rewire": ("changed", ["wiring"]),
    "app.second_total": ("changed", ["wiring"]), "app.gone": ("removed", []),
    "app.added": ("added", []), "app.x_to_y": ("added", []), "app.y_to_x": ("added", []),
}
#: DASH001 (two callbacks write total.children) is fixed, DASH040 (the x/y loop) is new.
FINDING_CHANGES = [("fixed", "DASH001"), ("new", "DASH040")]
CYCLES_INTRODUCED = [["app.x_to_y", "app.y_to_x"]]
#: A user's environment: the tool from this checkout, no other site of ours.
ENV = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
#: The rules the tests look at (DASH001 fixed, DASH040 new).
SELECT = ("--select", "DASH001,DASH040")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


def commit(repo: Path, text: str, message: str) -> None:
    (repo / "app.py").write_text(text)
    git(repo, "add", "app.py")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", message)


def two_commits(repo: Path) -> Path:
    """``repo`` made a git repository with two commits: BASE, then HEAD (the working tree)."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q")
    commit(repo, BASE, "base")
    commit(repo, HEAD, "head")
    return repo


def saved_snapshots(repo: Path, folder: Path) -> tuple[Path, Path]:
    """Both commits snapshotted as CI does (``python -m analysis app.py --save-snapshot``,
    each in a checkout of its commit): ``folder``/base.json and head.json."""
    saved = []
    for ref, name in (("HEAD~1", "base.json"), ("HEAD", "head.json")):
        tree = folder / name.removesuffix(".json")
        git(repo, "worktree", "add", "-q", "--detach", str(tree), ref)
        subprocess.run([sys.executable, "-m", "analysis", str(tree / "app.py"), "--save-snapshot",
                        str(folder / name)], cwd=repo, capture_output=True, timeout=300, env=ENV)
        git(repo, "worktree", "remove", "--force", str(tree))
        saved.append(folder / name)
    return saved[0], saved[1]
