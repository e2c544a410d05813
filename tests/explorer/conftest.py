"""A project store showing the demo's real snapshot, probed once for the explorer's tests."""

from __future__ import annotations

import pytest

from analysis.probe.runner import snapshot_target
from explorer.projects import Project, ProjectStore
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
