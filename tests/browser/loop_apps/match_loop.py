"""(e) Pattern-matching MATCH loop: cell -> to_mirror -> mirror -> to_cell -> cell, per index."""
from dash import MATCH, Input, Output, html
from loop_scaffold import CAP, loop_app  # CAP: the browser test reads it

app, CALLS, counted = loop_app(__name__, [
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
@counted
def to_mirror(_clicks, cell):
    return int(cell) + 1


@app.callback(Output({"type": "cell", "index": MATCH}, "children"),
              Input({"type": "mirror", "index": MATCH}, "children"), prevent_initial_call=True)
@counted
def to_cell(mirror):
    return int(mirror) + 1
