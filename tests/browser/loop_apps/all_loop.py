"""(e') Pattern-matching ALL loop: every cell -> total -> total.children -> spread -> every cell."""
from collections import Counter

from dash import ALL, Dash, Input, Output, html
from dash.exceptions import PreventUpdate

CALLS: Counter = Counter()
CAP = 10

app = Dash(__name__)
app.layout = html.Div(
    [html.Button("go", id="go"), html.Div(0, id="total")]
    + [html.Div(0, id={"type": "cell", "index": i}) for i in range(2)]
)


@app.callback(Output("total", "children"), Input("go", "n_clicks"),
              Input({"type": "cell", "index": ALL}, "children"), prevent_initial_call=True)
def total(_clicks, cells):
    CALLS["total"] += 1
    if CALLS["total"] > CAP:
        raise PreventUpdate
    return sum(int(c) for c in cells) + 1


@app.callback(Output({"type": "cell", "index": ALL}, "children"), Input("total", "children"),
              prevent_initial_call=True)
def spread(total_value):
    CALLS["spread"] += 1
    if CALLS["spread"] > CAP:
        raise PreventUpdate
    return [int(total_value)] * 2
