"""Live parity fixture: a plugin's hook adds a clientside callback to every app (Dash's own, not the app's)."""

from __future__ import annotations

from dash import Dash, Input, Output, hooks, html

# what a Dash plugin does at import (process-wide): run this file in a process of its own
hooks.clientside_callback("function(title) { return title; }",
                          Output("hooked", "children"), Input("hooked", "title"))

app = Dash(__name__)
app.layout = html.Div([html.Div(id="hooked", title="hi"), html.Div(id="out"),
                       html.Button(id="go")])
app.clientside_callback("function(n) { return n; }", Output("out", "children"),
                        Input("go", "n_clicks"))
