"""A git repository with two commits of a fixture project, covering every kind of change
(callback added/removed/rewired/source-only change, finding new/fixed, cycle introduced):
built by the CLI diff tests and the explorer's compare view test alike."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

from app_sources import callback_source, loop_source

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
#: The rules the tests look at (DASH001 fixed, DASH040 new).
SELECT = ("--select", "DASH001,DASH040")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


def commit(repo: Path, text: str, message: str) -> None:
    (repo / "app.py").write_text(text)
    git(repo, "add", "app.py")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", message)


def two_commit_repo(repo: Path) -> Path:
    """``repo`` (a new or empty folder) made a git repository of two commits: BASE, then
    HEAD (also the working tree)."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q")
    commit(repo, BASE, "base")
    commit(repo, HEAD, "head")
    return repo
