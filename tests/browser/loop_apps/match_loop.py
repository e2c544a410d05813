"""(e) Pattern-matching MATCH loop: cell -> to_mirror -> mirror -> to_cell -> cell, per index."""
from collections import Counter

from dash import MATCH, Dash, Input, Output, html
from dash.exceptions import PreventUpdate

CALLS: Counter = Counter()
CAP = 10

app = Dash(__name__)
app.layout = html.Div([
    html.Div([
        html.Button("go", id={"type": "go", "index": i}),
        html.Div(0, id={"type": "cell", "index": i}),
        html.Div(0, id={"type": "mirror", "index": i}),
    ])
    for i in range(2)
])


@app.callback(Output({"type": "mirror", "index": MATCH}, "children"),
              Input({"type": "go", "index": MATCH}, "n_clicks"),
              Input({"type": "cell", "index": MATCH}, "children"), prevent_initial_call=True)
def to_mirror(_clicks, cell):
    CALLS["to_mirror"] += 1
    if CALLS["to_mirror"] > CAP:
        raise PreventUpdate
    return int(cell) + 1


@app.callback(Output({"type": "cell", "index": MATCH}, "children"),
              Input({"type": "mirror", "index": MATCH}, "children"), prevent_initial_call=True)
def to_cell(mirror):
    CALLS["to_cell"] += 1
    if CALLS["to_cell"] > CAP:
        raise PreventUpdate
    return int(mirror) + 1
