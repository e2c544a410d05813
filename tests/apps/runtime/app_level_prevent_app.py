"""Fixture: app-level settings. prevent_initial_callbacks=True covers app.callback only (DASH010,
DASH012); suppress_callback_exceptions=True explains set_props ids missing from the layout (DASH051)."""

import dash
from dash import Dash, Input, Output, State, html, set_props

app = Dash(__name__, prevent_initial_callbacks=True, suppress_callback_exceptions=True)
app.layout = html.Div(
    [
        html.Button("One", id="one"),
        html.Button("Two", id="two"),
        html.Div(id="out-app"),
        html.Div(id="out-global"),
        html.Div(id="out-dead"),
        html.Div(id="out-loaded"),
        html.Div(id="name"),
    ]
)


@app.callback(Output("out-app", "children"), Input("one", "n_clicks"))
def app_click(n):  # clean: the app-level setting applies
    return n


@dash.callback(Output("out-global", "children"), Input("two", "n_clicks"))
def global_click(n):  # bad: dash.callback ignores the app-level setting
    return n


@app.callback(Output("out-dead", "children"), State("name", "children"))
def app_no_inputs(name):  # bad: no Inputs, and the app prevents its only call
    return name


@dash.callback(Output("out-loaded", "children"), State("name", "children"))
def global_no_inputs(name):  # clean: runs once on load
    return name


@app.callback(Input("one", "n_clicks"))
def fill_later(n):  # clean: the app says its layout is built at run time
    set_props("made-by-a-callback-later", {"children": "hello"})
