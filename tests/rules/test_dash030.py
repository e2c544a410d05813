"""DASH030 untracked-trigger on the runtime fixture apps and on a hand-made snapshot."""

from __future__ import annotations

import pytest

from analysis.snapshot import Dependency
from snapshot_factory import callback, flagged, probed_findings, rule_findings, snapshot


def test_dash030_event_value_read_without_trigger():
    found = flagged(probed_findings("runtime/events_app.py"), "DASH030")
    assert found == {"reset_or_filter"}
    # legacy_which reads ctx.triggered (DASH032's business), newest_button compares
    # timestamps, refresh_rows/search_on_click_or_enter ignore the event values,
    # two_values has no events, describe_click reads clickData as data.


def test_dash030_unknown_binding_falls_back_to_the_catalog_rule():
    cb = callback(0, (Dependency("b", "n_clicks"), Dependency("d", "value")),
                  (Dependency("o", "children"),), arg_grouping=None,
                  source="def f(*values):\n    return str(values)")
    assert [f.callbacks for f in rule_findings("DASH030", snapshot(cb))] == [(0,)]


@pytest.mark.parametrize("app", ["runtime/returns_app.py"])
def test_fixture_apps_about_other_rules_do_not_trip_dash030(app):
    assert flagged(probed_findings(app), "DASH030") == set()
