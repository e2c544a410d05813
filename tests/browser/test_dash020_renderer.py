"""What DASH020's exemptions assume of the renderer, checked in a browser: a ``None`` written
into ``dcc.Download.data`` starts no download and logs no error, and with the initial call
prevented Dash calls a callback without a trigger only for removed ALL-pattern Inputs."""

from __future__ import annotations

import os
import time

from dash import ALL, MATCH, Dash, Input, Output, ctx, dcc, html


def download_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        html.Button("Nothing", id="nothing"), html.Button("Rows", id="rows"),
        dcc.Download(id="download"), html.Div(id="done"),
    ])

    @app.callback(Output("download", "data"), Input("nothing", "n_clicks"),
                  prevent_initial_call=True)
    def export_nothing(_):
        pass  # falls off the end: None into Download.data

    @app.callback(Output("download", "data", allow_duplicate=True), Input("rows", "n_clicks"),
                  prevent_initial_call=True)
    def export_rows(_):
        return dcc.send_string("a\nb", "rows.txt")

    return app


def test_none_into_a_download_is_no_download_and_no_error(dash_duo) -> None:
    dash_duo.start_server(download_app())
    dash_duo.find_element("#nothing").click()
    dash_duo.find_element("#nothing").click()
    time.sleep(1.5)
    assert os.listdir(dash_duo.download_path) == []
    assert dash_duo.get_logs() == []
    dash_duo.find_element("#rows").click()  # the Download itself works
    deadline = time.time() + 10
    while "rows.txt" not in os.listdir(dash_duo.download_path) and time.time() < deadline:
        time.sleep(0.2)
    assert os.listdir(dash_duo.download_path) == ["rows.txt"]
    dash_duo.find_element("#nothing").click()  # and None after data changes nothing either
    time.sleep(1)
    assert os.listdir(dash_duo.download_path) == ["rows.txt"]
    assert dash_duo.get_logs() == []


def trigger_app(calls: list) -> Dash:
    app = Dash(__name__, prevent_initial_callbacks=True)
    app.layout = html.Div([
        html.Button("Open page", id="route"), html.Div(id="page"), html.Div(id="late-out"),
        html.Button("Drop items", id="drop"),
        html.Div([dcc.Input(id={"type": "item", "index": i}, value=str(i)) for i in range(2)],
                 id="items"),
        html.Div(id="count"),
    ])

    @app.callback(Output("page", "children"), Input("route", "n_clicks"))
    def route(_):  # a router inserting a page: a lone Input, and a MATCH group with its Outputs
        return [dcc.Input(id="late", value="x"),
                dcc.Input(id={"type": "filter", "index": 1}, value="a"),
                html.Div(id={"type": "operator", "index": 1})]

    @app.callback(Output("late-out", "children"), Input("late", "value"))
    def late(value):
        calls.append(("late", ctx.triggered_id))
        return value

    @app.callback(Output({"type": "operator", "index": MATCH}, "children"),
                  Input({"type": "filter", "index": MATCH}, "value"))
    def operator(value):
        calls.append(("operator", ctx.triggered_id))
        return value

    @app.callback(Output("items", "children"), Input("drop", "n_clicks"))
    def drop(_):
        return []

    @app.callback(Output("count", "children"), Input({"type": "item", "index": ALL}, "value"))
    def count(values):
        calls.append(("count", ctx.triggered_id))
        return f"{len(values)} items"

    return app


def test_prevented_initial_call_has_no_trigger_only_for_removed_all_inputs(dash_duo) -> None:
    calls: list = []
    dash_duo.start_server(trigger_app(calls))
    time.sleep(0.5)
    assert calls == [], "ran on page load"
    dash_duo.find_element("#route").click()
    dash_duo.wait_for_text_to_equal("#late-out", "x")
    time.sleep(0.5)
    # an inserted Input whose Output is outside the new page: called, the Input is the trigger;
    # a MATCH group inserted with its Outputs: not called at all
    assert calls == [("late", "late")]
    dash_duo.find_element("#drop").click()
    dash_duo.wait_for_text_to_equal("#count", "0 items")
    assert calls[1:] == [("count", None)]  # the "final call": no trigger
