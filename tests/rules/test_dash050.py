"""DASH050 no-output-returns on the runtime fixture apps."""

from __future__ import annotations

import pytest

from snapshot_factory import flagged, probed_findings


def test_dash050_no_output_callback_returns_value():
    found = flagged(probed_findings("runtime/returns_app.py"), "DASH050")
    assert found == {"side_effect_returns_text", "side_effect_returns_no_update"}


@pytest.mark.parametrize("app", ["runtime/events_app.py", "runtime/set_props_app.py"])
def test_fixture_apps_about_other_rules_do_not_trip_dash050(app):
    assert flagged(probed_findings(app), "DASH050") == set()
