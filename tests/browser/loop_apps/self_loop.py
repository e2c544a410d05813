"""(g) Self-loop for reference: one callback with Input and Output on the same property."""
from dash import Input, Output
from loop_scaffold import CAP, loop_app, ring  # CAP: the browser test reads it

app, CALLS, counted = loop_app(__name__, ring("a"))


@app.callback(Output("a", "children"), Input("go", "n_clicks"), Input("a", "children"),
              prevent_initial_call=True)
@counted
def bump(_clicks, a):
    return int(a) + 1
