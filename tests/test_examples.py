"""The examples probe for real, and lint to exactly what they claim: the demo's marked mistakes, nothing in clean_app."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from analysis.lint import lint
from analysis.probe.runner import snapshot_target
from analysis.settings import project_settings
from analysis.snapshot import Snapshot
from paths import REPO

EXAMPLES = REPO / "examples"
DEMO = EXAMPLES / "demo"
#: ``# demo: DASH001 why this is a mistake`` marks each deliberate mistake in the demo.
DEMO_MARKER = re.compile(r"#\s*demo:\s*(DASH\d{3})\b")


def user_callbacks(snapshot: Snapshot) -> list:
    """Callbacks the app's author wrote (Dash's own page-router/title callbacks left out)."""
    return [callback for callback in snapshot.callbacks if not callback.internal]


def demo_markers() -> Counter:
    """How many times each code is marked as a deliberate mistake in the demo's sources."""
    codes: Counter = Counter()
    for path in sorted(DEMO.rglob("*.py")):
        codes.update(DEMO_MARKER.findall(path.read_text(encoding="utf-8")))
    return codes


@pytest.fixture(scope="session")
def demo_snapshot() -> Snapshot:
    return snapshot_target(str(DEMO / "app.py"))


@pytest.fixture(scope="session")
def clean_snapshot() -> Snapshot:
    return snapshot_target(str(EXAMPLES / "clean_app.py"))


@pytest.fixture(scope="session")
def multi_snapshot() -> Snapshot:
    return snapshot_target(str(EXAMPLES / "multi_instance.py"))


def test_demo_markers_are_parsed() -> None:
    # Guards the expectation below: an empty marker set would make it pass vacuously.
    assert set(demo_markers()) >= {"DASH001", "DASH010", "DASH023", "DASH040", "DASH070",
                                   "DASH071", "DASH090"}


def test_demo_registers_every_callback_of_its_pages(demo_snapshot: Snapshot) -> None:
    callbacks = user_callbacks(demo_snapshot)
    assert len(callbacks) == 18
    per_module = Counter(callback.module for callback in callbacks if callback.kind == "server")
    assert per_module == {"pages.overview": 4, "pages.orders": 3, "pages.inventory": 5,
                          "pages.pricing": 3, "pages.reports": 2}
    assert [c.kind for c in callbacks].count("clientside") == 1


def test_demo_uses_the_dash_features_it_advertises(demo_snapshot: Snapshot) -> None:
    callbacks = {callback.name: callback for callback in user_callbacks(demo_snapshot)}
    report = callbacks["build_report"]
    assert report.background and report.progress and report.cancel and len(report.running) == 2
    assert callbacks["send_purchase_order"].no_output
    assert any(o.allow_duplicate for o in callbacks["remove_restock_line"].outputs)
    assert all(d.is_pattern for d in callbacks["price_restock_line"].outputs)
    pages = {layout.path for layout in demo_snapshot.layouts if layout.path}
    assert pages == {"/", "/orders", "/inventory", "/pricing", "/reports"}
    assert not [layout.name for layout in demo_snapshot.layouts if layout.error]


def test_demo_lint_finds_each_marked_mistake_and_nothing_else(demo_snapshot: Snapshot) -> None:
    # the demo's own pyproject.toml opts in to every rule, as the CLI and the explorer read it
    found = Counter(finding.code for finding in lint(demo_snapshot, project_settings(DEMO / "app.py")))
    assert found == demo_markers()


def test_clean_app_has_zero_findings(clean_snapshot: Snapshot) -> None:
    callbacks = user_callbacks(clean_snapshot)
    assert len(callbacks) == 6
    assert sum(callback.is_async for callback in callbacks) == 1
    assert lint(clean_snapshot) == []


def test_multi_instance_records_both_apps_and_their_callbacks(multi_snapshot: Snapshot) -> None:
    apps = {app.name.split(":")[-1]: app for app in multi_snapshot.apps}
    assert set(apps) == {"status_app", "admin_app"}
    owners = Counter(callback.app.split(":")[-1] for callback in user_callbacks(multi_snapshot))
    assert owners == {"status_app": 1, "admin_app": 1}
    assert lint(multi_snapshot) == []
