"""What DASH020 assumes of the renderer, checked in a browser: a RadioItems and Tabs always
hold one of their options (on load, after choosing another, after clicking the chosen one
again), and a hand-parsed ``prop_id`` names the only Input when the initial call is
prevented."""

from __future__ import annotations

import time

from dash import Dash, Input, Output, callback_context, dcc, html


def make_app(calls: list) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.RadioItems(["genotype", "year"], "genotype", id="filter"), html.Div(id="chosen"),
        dcc.Tabs(id="tabs", value="generate", children=[
            dcc.Tab(label="New", value="generate", id="tab-new"),
            dcc.Tab(label="Saved", value="saved", id="tab-saved")]),
        html.Div(id="tab"),
        html.Button("Export", id="export"), html.Div(id="exported"),
    ])

    @app.callback(Output("chosen", "children"), Input("filter", "value"))
    def chosen(value):
        calls.append(("filter", value))
        return f"filter {value}"

    @app.callback(Output("tab", "children"), Input("tabs", "value"))
    def tab(value):
        calls.append(("tabs", value))
        return f"tab {value}"

    @app.callback(Output("exported", "children"), Input("export", "n_clicks"),
                  prevent_initial_call=True)
    def export(n_clicks):
        trigger_id = callback_context.triggered[0]["prop_id"].split(".")[0]
        calls.append(("export", trigger_id))
        return f"export {n_clicks}"

    return app


def test_radio_items_and_tabs_always_hold_an_option(dash_duo) -> None:
    calls: list = []
    dash_duo.start_server(make_app(calls))
    dash_duo.wait_for_text_to_equal("#chosen", "filter genotype")
    dash_duo.wait_for_text_to_equal("#tab", "tab generate")
    radios = dash_duo.find_elements("#filter input")
    for index in (1, 1, 0, 0):  # choose "year", click it again, back, again
        radios[index].click()
        time.sleep(0.3)
    dash_duo.wait_for_text_to_equal("#chosen", "filter genotype")
    for tab_id in ("tab-saved", "tab-saved", "tab-new", "tab-new"):
        dash_duo.find_element(f"#{tab_id}").click()
        time.sleep(0.3)
    dash_duo.wait_for_text_to_equal("#tab", "tab generate")
    seen = {value for name, value in calls if name in ("filter", "tabs")}
    assert seen == {"genotype", "year", "generate", "saved"}, calls
    assert dash_duo.get_logs() == []


def test_hand_parsed_trigger_names_the_only_input(dash_duo) -> None:
    calls: list = []
    dash_duo.start_server(make_app(calls))
    dash_duo.wait_for_text_to_equal("#chosen", "filter genotype")
    dash_duo.find_element("#export").click()
    dash_duo.find_element("#export").click()
    dash_duo.wait_for_text_to_equal("#exported", "export 2")
    assert [c for c in calls if c[0] == "export"] == [("export", "export")] * 2
    assert dash_duo.get_logs() == []
