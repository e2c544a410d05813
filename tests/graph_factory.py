"""Hand-made snapshots for unit tests of the graph, the lint runner, the reporters and the CLI."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from analysis.snapshot import AppInfo, Callback, Dependency, Snapshot
from paths import APPS as ALL_APPS

MATCH, ALL, ALLSMALLER = ["MATCH"], ["ALL"], ["ALLSMALLER"]


def dep(spec: str | tuple, allow_duplicate: bool = False) -> Dependency:
    """``"id.prop"`` or ``(dict_id, "prop")`` as a Dependency."""
    if isinstance(spec, tuple):
        return Dependency(spec[0], spec[1], allow_duplicate=allow_duplicate)
    component, prop = spec.rsplit(".", 1)
    return Dependency(component, prop, allow_duplicate=allow_duplicate)


def callback(index: int, inputs=(), outputs=(), states=(), dup=(), **fields) -> Callback:
    """A server callback ``app.cb<index>`` at ``app.py:<10*index+1>``; ``dup`` lists the
    outputs that carry ``allow_duplicate=True``."""
    fields.setdefault("function", f"app.cb{index}")
    fields.setdefault("file", "app.py")
    fields.setdefault("line", 10 * index + 1)
    return Callback(
        index=index,
        inputs=tuple(dep(s) for s in inputs),
        states=tuple(dep(s) for s in states),
        outputs=tuple(dep(s) for s in outputs) + tuple(dep(s, allow_duplicate=True) for s in dup),
        **fields,
    )


def snapshot(*callbacks: Callback, apps=("app:app",), **fields) -> Snapshot:
    """A snapshot whose first app is primary."""
    infos = tuple(AppInfo(name, primary=(i == 0)) for i, name in enumerate(apps))
    return Snapshot(target="app.py", root=".", callbacks=callbacks, apps=infos, **fields)


APPS = ALL_APPS / "graph"


@lru_cache(maxsize=None)
def probed(name: str) -> Snapshot:
    """The real probe's snapshot of ``tests/apps/graph/<name>``, run once per test session
    (session-scoped fixtures of several test modules share it)."""
    from analysis.probe.runner import snapshot_target

    return snapshot_target(str(APPS / name))


def lint_codes(snap: Snapshot, *codes: str) -> list:
    """The findings of the given rules only (other rules' findings are not these tests' job)."""
    from analysis.lint import LintSettings, lint

    return lint(snap, LintSettings(select=codes))
