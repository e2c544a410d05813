"""What the flow rules assume of the renderer, checked in a browser: with the initial call
prevented a lone click counter is at least 1 and ``ctx.triggered_id`` is one of the Inputs
(DASH020), and a callback writing its own Input is not run again by that write (DASH041)."""

from __future__ import annotations

import time

from dash import Dash, Input, Output, ctx, dcc, html, no_update


def make_app(calls: list) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        html.Button("Log in", id="login"), html.Div(id="status"),
        html.Button("Start", id="start"), html.Button("End", id="end"), html.Div(id="where"),
        html.Button("More", id="more"), dcc.Store(id="kept", data=["a", "b", "c"]),
        html.Div(id="shown"),
    ])

    @app.callback(Output("status", "children"), Input("login", "n_clicks"),
                  prevent_initial_call=True)
    def login(n_clicks):
        calls.append(("login", n_clicks))
        return f"login {n_clicks}"

    @app.callback(Output("where", "children"), Input("start", "n_clicks"),
                  Input("end", "n_clicks"), prevent_initial_call=True)
    def focus(start, end):
        calls.append(("focus", ctx.triggered_id))
        return f"focus {ctx.triggered_id}"

    @app.callback(Output("kept", "data", allow_duplicate=True), Input("more", "n_clicks"),
                  Input("kept", "data"), prevent_initial_call=True)
    def trim(n_clicks, kept):  # writes back a normalised copy of its own Input
        calls.append(("trim", len(kept)))
        return kept[:-1] if kept else no_update

    @app.callback(Output("shown", "children"), Input("kept", "data"))
    def show(kept):
        return ",".join(kept)

    return app


def test_initial_call_prevented_callbacks_see_a_click_and_a_trigger(dash_duo) -> None:
    calls: list = []
    dash_duo.start_server(make_app(calls))
    dash_duo.wait_for_text_to_equal("#shown", "a,b,c")
    time.sleep(0.5)
    assert not [c for c in calls if c[0] in ("login", "focus")], "ran on page load"
    for button in ("login", "login", "end", "start"):
        dash_duo.find_element(f"#{button}").click()
    dash_duo.wait_for_text_to_equal("#where", "focus start")
    dash_duo.wait_for_text_to_equal("#status", "login 2")
    assert [c for c in calls if c[0] == "login"] == [("login", 1), ("login", 2)]
    assert [c for c in calls if c[0] == "focus"] == [("focus", "end"), ("focus", "start")]
    assert dash_duo.get_logs() == []


def test_writing_its_own_input_does_not_run_the_callback_again(dash_duo) -> None:
    calls: list = []
    dash_duo.start_server(make_app(calls))
    dash_duo.wait_for_text_to_equal("#shown", "a,b,c")
    dash_duo.find_element("#more").click()
    dash_duo.wait_for_text_to_equal("#shown", "a,b")
    time.sleep(1)  # a re-run on its own write would trim again, to "a"
    assert dash_duo.find_element("#shown").text == "a,b"
    assert [c for c in calls if c[0] == "trim"] == [("trim", 3)]
    assert dash_duo.get_logs() == []
