"""DASH012 never-called on the runtime fixture apps."""

from __future__ import annotations

from snapshot_factory import flagged, probed_findings


def test_dash012_no_inputs_and_initial_call_prevented():
    assert flagged(probed_findings("runtime/events_app.py"), "DASH012") == {"dead_greeting"}
    # app-level prevent_initial_callbacks applies to app.callback, not to dash.callback
    assert flagged(probed_findings("runtime/app_level_prevent_app.py"), "DASH012") == {"app_no_inputs"}


def test_dash012_config_prevent_initial_callbacks_on_the_decorator():
    findings = [f for f in probed_findings("runtime/config_prevent_app.py") if f.code == "DASH012"]
    assert flagged(findings, "DASH012") == {"greet_never"}
    assert "config_prevent_initial_callbacks=True" in findings[0].message
