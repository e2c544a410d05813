"""DASH002 callback-key-collision on the runtime fixture apps and on hand-made snapshots."""

from __future__ import annotations

import pytest

from analysis.snapshot import Dependency
from snapshot_factory import callback, flagged, probed_findings, rule_findings, snapshot


def test_dash002_same_key_in_one_app():
    findings = [f for f in probed_findings("runtime/keys_app.py") if f.code == "DASH002"]
    pairs = {tuple(name.rsplit(".", 1)[-1] for name in f.functions) for f in findings}
    assert pairs == {
        ("log_name", "log_email"),
        ("notify_audit", "notify_mail"),
        ("other_app_same_inputs", "other_app_twin"),  # inside the second app only
    }


def test_dash002_dash_callback_against_app_callback_is_a_collision():
    key = "abc123"
    found = rule_findings("DASH002", snapshot(
        callback(0, no_output=True, output_key=key, app="m:app"),
        callback(1, no_output=True, output_key=key, app=None),
        apps=("m:app",),
    ))
    assert [f.callbacks for f in found] == [(0, 1)]


def test_dash002_plain_duplicate_outputs_are_left_to_dash001():
    out = (Dependency("x", "children"),)
    found = rule_findings("DASH002", snapshot(
        callback(0, outputs=out, output_key="x.children", app="m:app"),
        callback(1, outputs=out, output_key="x.children", app="m:app"),
        apps=("m:app",),
    ))
    assert found == []


@pytest.mark.parametrize("app", ["runtime/events_app.py"])
def test_fixture_apps_about_other_rules_do_not_trip_dash002(app):
    assert flagged(probed_findings(app), "DASH002") == set()
