"""(f) The plain loop of (a), guarded: back returns no_update once b is above 1, so a correct
guard ends the ring after one turn."""
from dash import Input, Output, no_update
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
    if int(b) > 1:
        return no_update
    return int(b) + 1
