"""(g) Self-loop for reference: one callback with Input and Output on the same property."""
from collections import Counter

from dash import Dash, Input, Output, html
from dash.exceptions import PreventUpdate

CALLS: Counter = Counter()
CAP = 10

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="go"), html.Div(0, id="a")])


@app.callback(Output("a", "children"), Input("go", "n_clicks"), Input("a", "children"),
              prevent_initial_call=True)
def bump(_clicks, a):
    CALLS["bump"] += 1
    if CALLS["bump"] > CAP:
        raise PreventUpdate
    return int(a) + 1
