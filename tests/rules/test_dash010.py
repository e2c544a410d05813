"""DASH010 missing-prevent-initial-call on the runtime fixture apps and on hand-made snapshots."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.lint import LintSettings, lint
from analysis.snapshot import AppInfo, Dependency, Snapshot
from snapshot_factory import (
    callback, flagged, probed, probed_findings, rule_findings, snapshot, without_app_settings,
)

#: DASH010 is opt-in (ARCHITECTURE.md): these tests select it.
DASH010 = LintSettings(select=("DASH010",))


def test_dash010_event_only_inputs_running_on_load():
    found = flagged(probed_findings("runtime/events_app.py"), "DASH010")
    assert found == {"save_on_load", "save_initial_duplicate"}
    # clean: prevent_initial_call=True, a PreventUpdate guard, timers, mixed inputs,
    # an inline clientside function that returns no_update
    assert not found & {"save_prevented", "save_guarded", "tick", "describe_click", "reset_or_filter"}


def test_dash010_app_level_setting_covers_app_callback_only():
    findings = probed_findings("runtime/app_level_prevent_app.py")
    assert flagged(findings, "DASH010") == {"global_click"}


def _registered_without_app_settings(snap: Snapshot) -> Snapshot:
    """The snapshot as the probe would record the app without its prevent_initial_callbacks:
    app.callback took the app's setting as its effective one when it gave none itself."""
    snap = without_app_settings(snap)
    callbacks = tuple(
        dataclasses.replace(c, prevent_initial_call_effective=False)
        if c.app is not None and c.prevent_initial_call is None else c
        for c in snap.callbacks
    )
    return dataclasses.replace(snap, callbacks=callbacks)


def test_app_level_prevent_initial_callbacks_is_what_silences_app_callbacks():
    mutated = lint(_registered_without_app_settings(probed("runtime/app_level_prevent_app.py")),
                   LintSettings(select=("DASH010", "DASH012")))
    assert flagged(mutated, "DASH010") == {"app_click", "global_click", "fill_later"}
    assert flagged(mutated, "DASH012") == set()


def test_dash010_namespaced_clientside_function_is_not_guessed():
    inputs = (Dependency("b", "n_clicks"),)
    found = rule_findings("DASH010", snapshot(
        callback(0, inputs, kind="clientside", function="clientside:ns.f"),
        callback(1, inputs, kind="clientside", function="clientside:inline",
                 js_source="function (n) { return n; }"),
        apps=("m:app",),
    ))
    assert [f.callbacks for f in found] == [(1,)]


def test_dash010_app_level_initial_duplicate_does_not_prevent():
    app = AppInfo("m:app", primary=True, prevent_initial_callbacks="initial_duplicate")
    cb = callback(0, (Dependency("b", "n_clicks"),), app="m:app", source="def f(n):\n    return n")
    assert [f.callbacks for f in rule_findings("DASH010", snapshot(cb, apps=(app,)))] == [(0,)]


def test_dash010_config_prevent_initial_callbacks_on_the_decorator_prevents():
    assert flagged(probed_findings("runtime/config_prevent_app.py"), "DASH010") == set()


def test_dash010_reads_what_dash_sends_the_renderer():
    """A snapshot whose effective value says prevented is believed, whatever was written."""
    cb = callback(0, (Dependency("b", "n_clicks"),), source="def f(n):\n    return n")
    assert rule_findings("DASH010", snapshot(cb))
    prevented = dataclasses.replace(cb, prevent_initial_call_effective=True)
    assert not rule_findings("DASH010", snapshot(prevented))


@pytest.mark.parametrize("app", ["runtime/returns_app.py"])
def test_fixture_apps_about_other_rules_do_not_trip_dash010(app):
    assert flagged(probed_findings(app), "DASH010") == set()


def test_dash010_the_layout_decides_whether_the_load_call_is_meant_or_void():
    found = flagged(probed_findings("runtime/initial_values_app.py"), "DASH010")
    # a count the layout gives is rendered, a refusal on an empty State, True into an open panel
    assert not found & {"next_figure", "download", "send", "show_panel"}
    assert found == {"count_clicks", "save", "download_preset", "download_remembered", "show_hint"}


def test_the_probe_records_the_props_a_layout_gives():
    components = {c.id: c for c in probed("runtime/initial_values_app.py").components}
    assert components["next"].initial == {"children": "Next", "n_clicks": 0}
    assert components["pick"].initial["value"] == []
    assert components["preset"].initial["value"] == "<...>"  # kept only as "not empty"
    assert "value" not in components["word"].initial  # not given: None on the first call


def test_dash010_without_recorded_initial_values_nothing_is_assumed():
    """Hand-made or older snapshots have no initial values: the finding stays."""
    snap = probed("runtime/initial_values_app.py")
    unknown = tuple(dataclasses.replace(c, initial=None) for c in snap.components)
    found = flagged(lint(dataclasses.replace(snap, components=unknown), DASH010), "DASH010")
    assert {"next_figure", "download", "send", "show_panel"} <= found


def test_dash010_a_javascript_default_is_what_an_output_left_out_shows():
    """``dbc.Toast`` starts open by its JavaScript default (docs/realworld.md, dbc-docs):
    writing True there on load changes nothing. Without the recorded default (older
    snapshots), or with another default, the finding stays."""
    app = "realworld/patterns/dash010_noop_initial_call.py"
    snap = probed(app)
    assert snap.component_defaults["dash_bootstrap_components.Toast"]["is_open"] is True
    assert "reopen" not in flagged(lint(snap, DASH010), "DASH010")
    older = dataclasses.replace(snap, component_defaults={})
    assert "reopen" in flagged(lint(older, DASH010), "DASH010")
    closed = dataclasses.replace(snap, component_defaults={
        **snap.component_defaults, "dash_bootstrap_components.Toast": {"is_open": False}})
    assert "reopen" in flagged(lint(closed, DASH010), "DASH010")


def test_the_probe_keeps_a_small_style_so_a_hidden_trigger_is_known():
    """A hidden button clicked from code (docs/realworld.md, cuban_fx_app) is no user event."""
    app = "realworld/patterns/dash010_hidden_trigger.py"
    components = {c.id: c for c in probed(app).components}
    assert components["sync-trigger"].initial["style"] == {"display": "none"}
    assert flagged(probed_findings(app), "DASH010") == {"refresh"}
