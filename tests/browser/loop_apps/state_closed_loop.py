"""(d) A two-callback "loop" whose closing edge is only read as State: b.children is written
by forward and read by back, a.children is written by back but forward reads it as State."""
from dash import Input, Output, State
from loop_scaffold import CAP, loop_app, ring  # CAP: the browser test reads it

app, CALLS, counted = loop_app(__name__, ring("a", "b"))


@app.callback(Output("b", "children"), Input("go", "n_clicks"), State("a", "children"),
              prevent_initial_call=True)
@counted
def forward(_clicks, a):
    return int(a) + 1


@app.callback(Output("a", "children"), Input("b", "children"), prevent_initial_call=True)
@counted
def back(b):
    return int(b) + 1
