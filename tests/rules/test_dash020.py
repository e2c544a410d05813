"""DASH020 returns-none on the runtime fixture apps."""

from __future__ import annotations

import pytest

from snapshot_factory import flagged, probed_findings


def test_dash020_none_on_some_path():
    found = flagged(probed_findings("runtime/returns_app.py"), "DASH020")
    assert found == {
        "if_without_else",
        "bare_return",
        "explicit_none",
        "except_only_logs",
        "match_without_default",
    }


@pytest.mark.parametrize(
    "app", ["runtime/events_app.py", "runtime/keys_app.py", "runtime/app_level_prevent_app.py"],
)
def test_fixture_apps_about_other_rules_do_not_trip_dash020(app):
    assert flagged(probed_findings(app), "DASH020") == set()
