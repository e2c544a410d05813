"""DASH002-DASH051 (rules A) on real fixture apps run through the real probe: bad cases fire, clean ones do not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from analysis.findings import Finding
from analysis.lint import lint
from analysis.rules import get_rule
from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from paths import APPS as ALL_APPS

APPS = ALL_APPS / "rules_a"
MY_CODES = ("DASH002", "DASH010", "DASH012", "DASH020", "DASH030", "DASH032", "DASH041",
            "DASH050", "DASH051")


@pytest.fixture(scope="session")
def snapshot_of():
    """Probe a fixture app once per session: name -> Snapshot."""
    cache: dict[str, Snapshot] = {}

    def run(name: str) -> Snapshot:
        if name not in cache:
            cache[name] = snapshot_target(str(APPS / f"{name}.py"))
        return cache[name]

    return run


@pytest.fixture(scope="session")
def findings_of(snapshot_of):
    """Lint a fixture app once per session: name -> findings."""
    cache: dict[str, list[Finding]] = {}

    def run(name: str) -> list[Finding]:
        if name not in cache:
            cache[name] = lint(snapshot_of(name))
        return cache[name]

    return run


def without_app_settings(snapshot: Snapshot) -> Snapshot:
    """The same snapshot with every app's prevent_initial_callbacks and suppress flag off."""
    apps = tuple(
        replace(a, prevent_initial_callbacks=False, suppress_callback_exceptions=False)
        for a in snapshot.apps
    )
    return replace(snapshot, apps=apps)


def flagged(findings: list[Finding], code: str) -> set[str]:
    """Short names of the functions a code reports (first function of each finding)."""
    return {f.functions[0].rsplit(".", 1)[-1] for f in findings if f.code == code}


def test_every_rule_explains_itself():
    for code in MY_CODES:
        rule = get_rule(code)
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert "\n" not in rule.summary
        sections = ["## What it does", "## Why is this bad?", "## Example", "## Use instead"]
        positions = [rule.rationale.find(s) for s in sections]
        assert -1 not in positions and positions == sorted(positions), code
        assert rule.rationale.count("```python") >= 2, code


def test_dash010_event_only_inputs_running_on_load(findings_of):
    found = flagged(findings_of("events_app"), "DASH010")
    assert found == {"save_on_load", "save_initial_duplicate"}
    # clean: prevent_initial_call=True, a PreventUpdate guard, timers, mixed inputs,
    # an inline clientside function that returns no_update
    assert not found & {"save_prevented", "save_guarded", "tick", "describe_click", "reset_or_filter"}


def test_dash010_app_level_setting_covers_app_callback_only(findings_of):
    findings = findings_of("app_level_prevent_app")
    assert flagged(findings, "DASH010") == {"global_click"}


def test_dash012_no_inputs_and_initial_call_prevented(findings_of):
    assert flagged(findings_of("events_app"), "DASH012") == {"dead_greeting"}
    # app-level prevent_initial_callbacks applies to app.callback, not to dash.callback
    assert flagged(findings_of("app_level_prevent_app"), "DASH012") == {"app_no_inputs"}


def test_dash030_event_value_read_without_trigger(findings_of):
    found = flagged(findings_of("events_app"), "DASH030")
    assert found == {"reset_or_filter"}
    # legacy_which reads ctx.triggered (DASH032's business), newest_button compares
    # timestamps, refresh_rows/search_on_click_or_enter ignore the event values,
    # two_values has no events, describe_click reads clickData as data.


def test_dash032_hand_parsed_prop_id(findings_of):
    assert flagged(findings_of("events_app"), "DASH032") == {"legacy_which"}


def test_dash041_sync_pattern_without_trigger(findings_of):
    assert flagged(findings_of("events_app"), "DASH041") == {"sync_without_trigger"}


def test_dash020_none_on_some_path(findings_of):
    found = flagged(findings_of("returns_app"), "DASH020")
    assert found == {
        "if_without_else",
        "bare_return",
        "explicit_none",
        "except_only_logs",
        "match_without_default",
    }


def test_dash050_no_output_callback_returns_value(findings_of):
    found = flagged(findings_of("returns_app"), "DASH050")
    assert found == {"side_effect_returns_text", "side_effect_returns_no_update"}


def test_dash002_same_key_in_one_app(findings_of):
    findings = [f for f in findings_of("keys_app") if f.code == "DASH002"]
    pairs = {tuple(name.rsplit(".", 1)[-1] for name in f.functions) for f in findings}
    assert pairs == {
        ("log_name", "log_email"),
        ("notify_audit", "notify_mail"),
        ("other_app_same_inputs", "other_app_twin"),  # inside the second app only
    }


def test_dash051_hidden_writers(findings_of):
    findings = [f for f in findings_of("set_props_app") if f.code == "DASH051"]
    assert {f.functions for f in findings} == {
        ("set_props_app.save", "set_props_app.load"),  # status.children has a declared writer
        ("set_props_app.save",),  # "tost" is in no layout
    }
    assert {p for f in findings for p in f.properties} == {"status.children", "tost.children"}


def test_dash051_suppress_callback_exceptions_explains_missing_ids(findings_of, snapshot_of):
    assert flagged(findings_of("app_level_prevent_app"), "DASH051") == set()
    # the silence is earned: the same app without the flag is reported
    mutated = lint(without_app_settings(snapshot_of("app_level_prevent_app")))
    assert flagged(mutated, "DASH051") == {"fill_later"}


def test_app_level_prevent_initial_callbacks_is_what_silences_app_callbacks(snapshot_of):
    mutated = lint(without_app_settings(snapshot_of("app_level_prevent_app")))
    assert flagged(mutated, "DASH010") == {"app_click", "global_click", "fill_later"}
    assert flagged(mutated, "DASH012") == set()


@pytest.mark.parametrize("app", ["clean_app"])
def test_realistic_clean_app_has_no_findings(findings_of, app):
    assert [f"{f.code} {f.functions}" for f in findings_of(app)] == []


@pytest.mark.parametrize(
    "app, code",
    [
        ("events_app", "DASH002"), ("events_app", "DASH020"), ("events_app", "DASH050"),
        ("events_app", "DASH051"), ("returns_app", "DASH010"), ("returns_app", "DASH030"),
        ("keys_app", "DASH020"), ("set_props_app", "DASH050"), ("app_level_prevent_app", "DASH020"),
    ],
)
def test_fixture_apps_do_not_trip_unrelated_rules(findings_of, app, code):
    assert flagged(findings_of(app), code) == set()


def test_dash051_reads_set_props_in_inline_clientside_javascript(tmp_path):
    app = tmp_path / "app.py"
    app.write_text('''\
from dash import Dash, Input, Output, clientside_callback, html

app = Dash(__name__)
app.layout = html.Div([html.Button(id="go"), html.Div(id="status"), html.Div(id="log")])

clientside_callback(
    """function(n) {
        dash_clientside.set_props("status", {children: "clicked " + n});
        dash_clientside.set_props("stauts", {style: {color: "red"}});
        return n;
    }""",
    Output("log", "children"),
    Input("go", "n_clicks"),
    prevent_initial_call=True,
)


@app.callback(Output("status", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def show(n):
    return f"{n} clicks"
''')
    findings = [f for f in lint(snapshot_target(str(app))) if f.code == "DASH051"]
    # one hidden writer of an Output another callback owns, one typo'd id in no layout
    assert sorted((f.properties, len(f.callbacks)) for f in findings) == [
        (("status.children",), 2), (("stauts.style",), 1),
    ]
