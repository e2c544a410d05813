"""DASH051 hidden-writer on the runtime fixture apps and on an inline clientside function."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analysis.lint import lint
from analysis.probe.runner import snapshot_target
from analysis.rules.dash051_hidden_writer import built_ids
from analysis.source.python import parse_function
from snapshot_factory import (
    ALL, callback, flagged, lint_codes, probed, probed_findings, server, snapshot,
    without_app_settings,
)

CLOSE_FIELD = """
def close(n):
    set_props("name", {"readOnly": True})
"""


def edit_mode(edit_inputs=("edit.n_clicks",), close_inputs=("name.n_submit",), prevent=True,
              extra=()):
    """An edit-mode pair (the Plotly-DashGo shape): a clientside callback opens the field
    (``readOnly`` is its Output), a server callback closes it with ``set_props``."""
    opener = callback(0, edit_inputs, ["name.readOnly"], kind="clientside",
                      js_source="function(n) { return false; }", function="clientside:inline.js0",
                      prevent_initial_call=prevent)
    closer = server(1, CLOSE_FIELD, inputs=close_inputs, outputs=(), no_output=True,
                    prevent_initial_call=prevent)
    return snapshot(opener, closer, *extra)


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


def test_dash051_writers_fired_by_different_user_actions_take_turns():
    """Edit opens the field, Submit closes it: two clicks, never one event, so no race."""
    assert lint_codes(edit_mode(), "DASH051") == []


def test_dash051_writers_sharing_an_input_race():
    (finding,) = lint_codes(edit_mode(close_inputs=("edit.n_clicks",)), "DASH051")
    assert finding.functions == ("app.close", "clientside:inline.js0")
    assert finding.message.endswith("both fire on `edit.n_clicks`")


def test_dash051_shared_inputs_match_as_pattern_ids_do():
    every_row = ({"type": "row", "index": ALL}, "n_clicks")
    (finding,) = lint_codes(
        edit_mode(edit_inputs=[every_row], close_inputs=[({"type": "row", "index": 2}, "n_clicks")]),
        "DASH051",
    )
    assert "both fire on" in finding.message


def test_dash051_writers_that_both_run_on_page_load_race():
    (finding,) = lint_codes(edit_mode(prevent=None), "DASH051")
    assert finding.message.endswith("both run on page load")
    # one initial call prevented is enough to take turns
    opener, closer = edit_mode(prevent=None).callbacks
    assert lint_codes(snapshot(opener, replace(closer, prevent_initial_call=True)), "DASH051") == []


def test_dash051_writers_downstream_of_one_property_race():
    """A mode dropdown triggers the opener directly and the closer through a Store: one
    change of the dropdown starts both writers."""
    relay = callback(2, ["mode.value"], ["mode-store.data"], prevent_initial_call=True)
    snap = edit_mode(("mode.value",), ("mode-store.data",), extra=[relay])
    (finding,) = lint_codes(snap, "DASH051")
    assert finding.message.endswith("both fire after a change of `mode.value`")
    # a State on the way does not trigger: the closer then waits for its own click
    relay = callback(2, ["other.n_clicks"], ["mode-store.data"], ["mode.value"],
                     prevent_initial_call=True)
    assert lint_codes(edit_mode(("mode.value",), ("mode-store.data",), extra=[relay]),
                      "DASH051") == []


def test_dash051_collects_built_ids_in_one_walk_of_a_function():
    function = parse_function(
        "def build(n):\n"
        "    return html.Div([html.Span(id='a'), html.Div(id={'type': 'x'}), html.P(id=3)],"
        " id='b')\n"
    )
    assert built_ids(function) == {"a", "b"}


def test_dash051_many_writers_of_one_declared_output_are_one_finding_listing_all():
    """Issue 13: 2,000 set_props writers of an Output of 2,000 callbacks were one finding per
    writer, each naming every owner (4 million pairs). Now one finding names them all, its
    message shows ten and says how many more."""
    owners = [callback(i, ["go.n_clicks"], ["status.children"]) for i in range(15)]
    writers = [server(15 + i, CLOSE_FIELD.replace('"name", {"readOnly": True}',
                                                  '"status", {"children": n}'),
                      inputs=("go.n_clicks",), outputs=(), no_output=True) for i in range(15)]
    (finding,) = lint_codes(snapshot(*owners, *writers), "DASH051")
    assert sorted(finding.callbacks) == list(range(30))
    assert finding.message.count("and 5 more") == 1 and "and 4 more call set_props" in finding.message
    assert "both fire on `go.n_clicks`" in finding.message
