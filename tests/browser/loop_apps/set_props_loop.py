"""(h) The loop of (a) closed by a ``set_props`` write instead of an Output."""
from dash import Input, Output, set_props
from loop_scaffold import CAP, loop_app, ring  # CAP: the browser test reads it

app, CALLS, counted = loop_app(__name__, ring("a", "b"))


@app.callback(Output("b", "children"), Input("go", "n_clicks"), Input("a", "children"),
              prevent_initial_call=True)
@counted
def forward(_clicks, a):
    return int(a) + 1


@app.callback(Input("b", "children"), prevent_initial_call=True)
@counted
def back(b):
    set_props("a", {"children": int(b) + 1})
