"""(f) The plain loop of (a), guarded: back returns no_update once b is even and forward
raises PreventUpdate once a is odd, so a correct guard ends the ring after one turn."""
from collections import Counter

from dash import Dash, Input, Output, html, no_update
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


@app.callback(Output("a", "children"), Input("b", "children"), prevent_initial_call=True)
def back(b):
    CALLS["back"] += 1
    if CALLS["back"] > CAP or int(b) > 1:
        return no_update
    return int(b) + 1
