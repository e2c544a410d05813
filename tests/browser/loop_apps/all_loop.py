"""(e') Pattern-matching ALL loop: every cell -> total -> total.children -> spread -> every cell."""
from dash import ALL, Input, Output, html
from loop_scaffold import CAP, loop_app, ring  # CAP: the browser test reads it

app, CALLS, counted = loop_app(
    __name__, ring("total") + [html.Div(0, id={"type": "cell", "index": i}) for i in range(2)])


@app.callback(Output("total", "children"), Input("go", "n_clicks"),
              Input({"type": "cell", "index": ALL}, "children"), prevent_initial_call=True)
@counted
def total(_clicks, cells):
    return sum(int(c) for c in cells) + 1


@app.callback(Output({"type": "cell", "index": ALL}, "children"), Input("total", "children"),
              prevent_initial_call=True)
@counted
def spread(total_value):
    return [int(total_value)] * 2
