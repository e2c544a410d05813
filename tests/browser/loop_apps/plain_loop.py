"""(a) Plain two-callback loop: a.children -> forward -> b.children -> back -> a.children."""
from dash import Input, Output
from loop_scaffold import CAP, loop_app, ring  # CAP: the browser test reads it

app, CALLS, counted = loop_app(__name__, ring("a", "b"))


@app.callback(Output("b", "children"), Input("go", "n_clicks"), Input("a", "children"),
              prevent_initial_call=True)
@counted
def forward(_clicks, a):
    return int(a) + 1


@app.callback(Output("a", "children"), Input("b", "children"), prevent_initial_call=True)
@counted
def back(b):
    return int(b) + 1
