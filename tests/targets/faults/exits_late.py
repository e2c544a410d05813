"""Registers a callback, then exits with status 0 halfway through its import (a start-up
script that ends itself once it decides it has nothing to serve)."""

import sys

from dash import Dash, Input, Output, html

app = Dash(__name__)
app.layout = html.Div([html.Button(id="go"), html.Div(id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"))
def go(n_clicks):
    return n_clicks


sys.exit(0)


@app.callback(Output("go", "children"), Input("out", "children"))  # never registered
def never_seen(children):
    return children
