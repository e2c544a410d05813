"""DASH051 hidden-writer on the runtime fixture apps and on an inline clientside function."""

from __future__ import annotations

import pytest

from analysis.lint import lint
from analysis.probe.runner import snapshot_target
from snapshot_factory import flagged, probed, probed_findings, without_app_settings


def test_dash051_hidden_writers():
    findings = [f for f in probed_findings("runtime/set_props_app.py") if f.code == "DASH051"]
    assert {f.functions for f in findings} == {
        ("set_props_app.save", "set_props_app.load"),  # status.children has a declared writer
        ("set_props_app.save",),  # "tost" is in no layout
    }
    assert {p for f in findings for p in f.properties} == {"status.children", "tost.children"}


def test_dash051_suppress_callback_exceptions_explains_missing_ids():
    assert flagged(probed_findings("runtime/app_level_prevent_app.py"), "DASH051") == set()
    # the silence is earned: the same app without the flag is reported
    mutated = lint(without_app_settings(probed("runtime/app_level_prevent_app.py")))
    assert flagged(mutated, "DASH051") == {"fill_later"}


@pytest.mark.parametrize("app", ["runtime/events_app.py"])
def test_fixture_apps_about_other_rules_do_not_trip_dash051(app):
    assert flagged(probed_findings(app), "DASH051") == set()


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
