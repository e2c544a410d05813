"""Fixture: set_props writers (DASH051 hidden-writer)."""

from dash import Dash, Input, Output, html, set_props

app = Dash(__name__)
app.layout = html.Div(
    [
        html.Button("Load", id="load"),
        html.Button("Save", id="save"),
        html.Button("Add", id="add"),
        html.Div(id="status"),
        html.Div(id="log"),
        html.Div(id="toast"),
        html.Div(id="panel"),
    ]
)


@app.callback(Output("status", "children"), Input("load", "n_clicks"), prevent_initial_call=True)
def load(n):
    return "loaded"


@app.callback(Output("log", "children", allow_duplicate=True), Input("load", "n_clicks"),
              prevent_initial_call=True)
def log_load(n):
    return "load logged"


@app.callback(Output("panel", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
def build_panel(n):
    return html.Div([html.Span(id="dynamic-msg"), html.Div(id={"type": "row", "index": n})])


# --- bad -----------------------------------------------------------------------------------
@app.callback(Input("load", "n_clicks"), prevent_initial_call=True)
def save(n):
    set_props("status", {"children": "saved"})  # `load` declares it and fires on the same click
    set_props("tost", {"children": "typo"})  # no layout has "tost"


# --- clean ---------------------------------------------------------------------------------
@app.callback(Input("add", "n_clicks"), prevent_initial_call=True)
def notify(n):
    set_props("toast", {"children": "added"})  # in the layout, no declared writer
    set_props("log", {"children": "added"})  # only an allow_duplicate Output writes it
    set_props("dynamic-msg", {"children": "hi"})  # built by build_panel
    set_props({"type": "row", "index": 1}, {"children": "row"})  # pattern ids are dynamic


@app.callback(Input("save", "n_clicks"), prevent_initial_call=True)
def mark_saved(n):
    set_props("status", {"children": "saved"})  # `load` writes it on another click: turns, no race
