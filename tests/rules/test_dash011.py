"""DASH011 event-value-shown-on-load on a runtime fixture app and on changed snapshots."""

from __future__ import annotations

import dataclasses

from analysis.lint import LintSettings, lint
from snapshot_factory import flagged, probed, probed_findings, rule_findings

APP = "runtime/event_value_shown_app.py"


def test_dash011_reports_the_event_value_shown_as_none_on_load():
    assert flagged(probed_findings(APP), "DASH011") == {"shown", "click_data"}


def test_dash011_is_silent_on_load_calls_that_show_no_none():
    found = flagged(probed_findings(APP), "DASH011")
    # prevented; the layout gives n_clicks=0; an `if` on the event; ctx.triggered_id;
    # round 6's FP shapes (a helper, `n_clicks == 0`, a Clipboard link, a select's options);
    # a body that can refuse; a persisted Input (value unknown)
    assert not found & {"shown_prevented", "counted", "tested", "triggered", "helper_handled",
                        "hide", "clipboard_link", "fill_months", "refused", "kept"}


def test_dash011_is_on_by_default_and_dash010_is_opt_in():
    default = {f.code for f in lint(probed(APP))}
    assert "DASH011" in default and "DASH010" not in default
    selected = {f.code for f in lint(probed(APP), LintSettings(select=("DASH010",)))}
    assert selected == {"DASH010"}


def test_dash011_is_silent_when_a_layout_failed():
    snap = probed(APP)
    failed = dataclasses.replace(snap, layouts=tuple(
        dataclasses.replace(layout, error="RuntimeError: boom") for layout in snap.layouts))
    assert rule_findings("DASH011", failed) == []


def test_dash011_is_silent_without_recorded_initial_values():
    snap = probed(APP)
    unknown = dataclasses.replace(snap, components=tuple(
        dataclasses.replace(c, initial=None) for c in snap.components))
    assert rule_findings("DASH011", unknown) == []


def test_dash011_message_names_the_prop_and_the_fix():
    (finding,) = [f for f in probed_findings(APP) if f.code == "DASH011"
                  and f.functions[0].endswith("shown")]
    assert finding.properties == ("btn.n_clicks",)
    assert "btn.n_clicks = None" in finding.message and "prevent_initial_call=True" in finding.message
