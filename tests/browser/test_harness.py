"""Smoke test of the browser harness: dash_duo serves an app and a callback updates the DOM."""

from __future__ import annotations

import socket

from dash import Dash, Input, Output, html
from dash.testing.application_runners import BaseDashRunner


def make_counter_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(
        [html.Button("Add one", id="add"), html.Span("clicked 0 times", id="count")]
    )

    @app.callback(Output("count", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
    def show_clicks(n_clicks: int) -> str:
        return f"clicked {n_clicks} times"

    return app


def test_callback_updates_the_dom(dash_duo) -> None:
    dash_duo.start_server(make_counter_app())
    dash_duo.wait_for_text_to_equal("#count", "clicked 0 times")
    dash_duo.find_element("#add").click()
    dash_duo.find_element("#add").click()
    dash_duo.wait_for_text_to_equal("#count", "clicked 2 times")
    assert dash_duo.get_logs() == [], "the browser console logged errors"


def test_the_test_server_takes_a_free_port_when_its_next_one_is_held(dash_duo):
    with socket.socket() as other:  # another test run's (or an explorer's) server
        other.bind(("127.0.0.1", 0))
        other.listen()
        held = other.getsockname()[1]
        BaseDashRunner._next_port = held  # dash[testing] counts ports up from a fixed 58050
        app = Dash(__name__)
        app.layout = html.Div("the test's own app", id="own")
        dash_duo.start_server(app)
        dash_duo.wait_for_text_to_equal("#own", "the test's own app", timeout=10)
        assert dash_duo.server.port != held
