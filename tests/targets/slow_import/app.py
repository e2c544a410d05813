"""A small app whose import sleeps while a SLOW file sits beside it (an analysis in progress)."""

import os
import time

from dash import Dash, Input, Output, html

if os.path.exists(os.path.join(os.path.dirname(__file__), "SLOW")):
    time.sleep(float(open(os.path.join(os.path.dirname(__file__), "SLOW")).read() or 10))

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.Div(id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def show_clicks(n_clicks):
    return f"clicked {n_clicks}"
