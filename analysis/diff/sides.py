"""Each side of a diff from what the user names: a snapshot file, a target, or ``git:REF``."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from analysis.diff.model import Side
from analysis.errors import ConfigError, TargetError
from analysis.findings import fingerprints
from analysis.settings import LintSettings
from analysis.snapshot import Snapshot, load_snapshot

GIT = "git:"


@dataclass(frozen=True)
class Probe:
    """How a target side is probed: the interpreter (found for the working-tree target, whose
    environment a git checkout lacks), the time and memory limits."""

    python: str | None = None
    timeout: float = 60.0
    memory_limit_mb: int | None = None


def is_snapshot_file(spec: str) -> bool:
    return spec.endswith(".json") and not spec.startswith(GIT)


def load_side(spec: str, target: str | None, settings: LintSettings, probe: Probe) -> Side:
    """The side ``spec`` names, linted with ``settings`` (the same for both sides).

    ``target``: the working-tree target that ``git:REF`` means at that ref."""
    if is_snapshot_file(spec):
        snapshot = load_snapshot(spec)
    elif spec.startswith(GIT):
        if not target:
            raise ConfigError(f"{spec}: which target at that ref? Give the other side as a "
                              f"target (app.py) or add --target PATH")
        with checkout(spec.removeprefix(GIT), target) as (moved, top, tree):
            snapshot = _as_if_in(_probe(str(moved), probe), tree, top)
    else:
        snapshot = _probe(spec, probe)
    from analysis.lint import lint

    findings = tuple(lint(snapshot, settings))
    return Side(spec, snapshot, findings, tuple(fingerprints(findings, snapshot)))


def _probe(target: str, probe: Probe) -> Snapshot:
    from analysis.probe.runner import snapshot_target

    return snapshot_target(target, python=probe.python, timeout=probe.timeout,
                           memory_limit_mb=probe.memory_limit_mb)


def _as_if_in(snapshot: Snapshot, tree: Path, top: Path) -> Snapshot:
    """A snapshot probed in a temporary checkout, its root and target named as the same
    places of the working tree (the checkout is gone once the diff is reported)."""
    def moved(path: str) -> str:
        try:
            return str(top / Path(path).relative_to(tree))
        except ValueError:
            return path
    return replace(snapshot, root=moved(snapshot.root), target=moved(snapshot.target))


@contextmanager
def checkout(ref: str, target: str) -> Iterator[tuple[Path, Path, Path]]:
    """``target`` (a path in a git working tree) as of ``ref``, checked out with ``git
    worktree add`` into a temporary folder: yields (the target there, the working tree's
    top, the checkout). The user's working tree and index are never touched; the checkout
    is removed afterwards, also on error."""
    path = Path(target).resolve()
    if not path.exists():
        raise TargetError(f"git:{ref}: target {target} does not exist; git: sides need a "
                          f"file or folder inside a git working tree")
    top = Path(_git(path if path.is_dir() else path.parent, "rev-parse", "--show-toplevel"))
    if ref.startswith("-") or not ref:
        raise ConfigError(f"git:{ref}: not a git ref")
    commit = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}",
                  what=f"git:{ref} names no commit in {top}")
    folder = Path(tempfile.mkdtemp(prefix="dce-diff-"))
    tree = folder / "tree"
    try:
        _git(top, "worktree", "add", "--detach", "--quiet", str(tree), commit)
        yield tree / path.relative_to(top), top, tree
    finally:
        subprocess.run(["git", "-C", str(top), "worktree", "remove", "--force", str(tree)],
                       capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(["git", "-C", str(top), "worktree", "prune"], capture_output=True,
                       check=False)


def _git(cwd: Path, *args: str, what: str = "") -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              env={**os.environ, "GIT_TERMINAL_PROMPT": "0"}, check=False)
    except FileNotFoundError:
        raise TargetError("git: sides need git on PATH") from None
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or [""])[-1]
        raise TargetError(what or f"git {args[0]} failed in {cwd}: {detail}")
    return done.stdout.strip()
