"""When a set_props writer and a declared Output writer of one property race in Dash's renderer
(evidence for DASH051): one event starts both and the later response wins; separate clicks
take turns; both run on page load when neither prevents its initial call."""

from __future__ import annotations

import time

import pytest
from dash import Dash, Input, Output, clientside_callback, html, set_props


def make_shared_click_app(declared_delay: float, hidden_delay: float) -> Dash:
    """One click fires both writers of ``status.children``; each answers after its delay."""
    app = Dash(__name__)
    app.layout = html.Div([html.Button("Go", id="go"), html.Div("untouched", id="status")])

    @app.callback(Output("status", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def declared(n_clicks):
        time.sleep(declared_delay)
        return "declared"

    @app.callback(Input("go", "n_clicks"), prevent_initial_call=True)
    def hidden(n_clicks):
        time.sleep(hidden_delay)
        set_props("status", {"children": "hidden"})

    return app


@pytest.mark.parametrize("declared_delay, hidden_delay, last", [
    (0.8, 0.0, "declared"),
    (0.0, 0.8, "hidden"),
])
def test_one_event_starts_both_writers_and_the_later_response_wins(
        dash_duo, declared_delay, hidden_delay, last) -> None:
    dash_duo.start_server(make_shared_click_app(declared_delay, hidden_delay))
    dash_duo.find_element("#go").click()
    first = "hidden" if last == "declared" else "declared"
    # the quicker writer lands first, then the slower one overwrites it: a race on timing
    dash_duo.wait_for_text_to_equal("#status", first)
    dash_duo.wait_for_text_to_equal("#status", last)
    time.sleep(0.3)
    assert dash_duo.find_element("#status").text == last
    assert dash_duo.get_logs() == [], "the browser console logged errors"


def make_edit_mode_app(prevent: bool) -> Dash:
    """The Plotly-DashGo edit-mode pair: a clientside callback opens the field on Edit, a
    server callback without Outputs closes it with set_props on Submit; each also leaves a
    mark so the test sees which ran."""
    app = Dash(__name__)
    app.layout = html.Div([
        html.Button("Edit", id="edit"), html.Button("Submit", id="submit"),
        html.Div("closed", id="field"), html.Div(id="opened"), html.Div(id="closed"),
    ])
    clientside_callback(
        "function(n) { return ['open', 'opener ran with ' + (n || 0)]; }",
        Output("field", "children"), Output("opened", "children"),
        Input("edit", "n_clicks"), prevent_initial_call=prevent,
    )

    @app.callback(Input("submit", "n_clicks"), prevent_initial_call=prevent)
    def close(n_clicks):
        time.sleep(0.3)  # the server answers after the clientside opener, as over a network
        set_props("field", {"children": "closed"})
        set_props("closed", {"children": f"closer ran with {n_clicks}"})

    return app


def test_writers_on_separate_clicks_take_turns(dash_duo) -> None:
    dash_duo.start_server(make_edit_mode_app(prevent=True))
    time.sleep(0.5)
    assert dash_duo.find_element("#field").text == "closed"  # nothing ran on load
    dash_duo.find_element("#edit").click()
    dash_duo.wait_for_text_to_equal("#field", "open")
    dash_duo.find_element("#submit").click()
    dash_duo.wait_for_text_to_equal("#field", "closed")
    dash_duo.find_element("#edit").click()
    dash_duo.wait_for_text_to_equal("#field", "open")  # each click's writer has the last word
    assert dash_duo.get_logs() == [], "the browser console logged errors"


def test_both_writers_run_on_page_load_without_prevent_initial_call(dash_duo) -> None:
    dash_duo.start_server(make_edit_mode_app(prevent=False))
    # both initial calls happen, the no-output server callback's included
    dash_duo.wait_for_text_to_equal("#opened", "opener ran with 0")
    dash_duo.wait_for_text_to_equal("#closed", "closer ran with None")
    # the field was opened on load, then closed by whichever answer came last
    assert dash_duo.find_element("#field").text == "closed"
    assert dash_duo.get_logs() == [], "the browser console logged errors"
