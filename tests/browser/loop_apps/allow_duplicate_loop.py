"""(b) The plain loop of (a) with its closing edge an ``allow_duplicate=True`` output."""
from collections import Counter

from dash import Dash, Input, Output, html
from dash.exceptions import PreventUpdate

CALLS: Counter = Counter()
CAP = 10

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="go"), html.Div(0, id="a"), html.Div(0, id="b")])


@app.callback(Output("b", "children"), Input("go", "n_clicks"), Input("a", "children"),
              prevent_initial_call=True)
def forward(_clicks, a):
    CALLS["forward"] += 1
    if CALLS["forward"] > CAP:
        raise PreventUpdate
    return int(a) + 1


@app.callback(Output("a", "children", allow_duplicate=True), Input("b", "children"),
              prevent_initial_call=True)
def back(b):
    CALLS["back"] += 1
    if CALLS["back"] > CAP:
        raise PreventUpdate
    return int(b) + 1
