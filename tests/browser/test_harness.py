"""Smoke test of the browser harness: dash_duo serves an app and a callback updates the DOM."""

from __future__ import annotations

from dash import Dash, Input, Output, html


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
