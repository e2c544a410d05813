"""Shared snapshots for the explorer's tests: the demo's, probed once, and a large one."""

from __future__ import annotations

import pytest

from analysis.probe.runner import snapshot_target
from analysis.snapshot import Callback, Dependency, Snapshot
from explorer.projects import Project, ProjectStore
from explorer.services import SnapshotServices
from paths import REPO

DEMO = REPO / "examples" / "demo" / "app.py"


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory) -> ProjectStore:
    """Projects "demo" (analysed) and "broken" (its analysis failed, nothing to show)."""
    store = ProjectStore([Project("demo", target=str(DEMO)), Project("broken")],
                         tmp_path_factory.mktemp("results"))
    store.preload("demo", snapshot_target(str(DEMO)))
    store.record_failure("broken", "the probe failed")
    return store


@pytest.fixture(scope="session")
def large_paged() -> SnapshotServices:
    """300 callbacks in one chain across five pages: a large project, built by hand."""
    callbacks = tuple(
        Callback(i, f"pages.p{i % 5}.step{i}", module=f"pages.p{i % 5}",
                 inputs=(Dependency(f"in{i}", "value"),),
                 outputs=(Dependency(f"in{i + 1}", "value"),))
        for i in range(300)
    )
    return SnapshotServices(Snapshot(target="big.py", root=".", callbacks=callbacks), ())
