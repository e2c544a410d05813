"""(f') "Configurator" as written in practice: the Input variant of (c) where each callback
raises PreventUpdate unless its own button fired (ctx.triggered_id)."""
from collections import Counter

from dash import Dash, Input, Output, ctx, dcc, html
from dash.exceptions import PreventUpdate

CALLS: Counter = Counter()
CAP = 10
N = 3

app = Dash(__name__)
app.layout = html.Div(
    [html.Button(f"set {i}", id=f"btn{i}") for i in range(N)]
    + [dcc.Store(id="store", data=[]), html.Div(id="shown")]
)


def make_setter(i: int) -> None:
    @app.callback(Output("store", "data", allow_duplicate=True), Input(f"btn{i}", "n_clicks"),
                  Input("store", "data"), prevent_initial_call=True)
    def setter(_clicks, data):
        CALLS[f"set{i}"] += 1
        if ctx.triggered_id != f"btn{i}" or CALLS[f"set{i}"] > CAP:
            raise PreventUpdate
        return data + [i]

    setter.__name__ = f"set{i}"


for _i in range(N):
    make_setter(_i)


@app.callback(Output("shown", "children"), Input("store", "data"), prevent_initial_call=True)
def show(data):  # not counted: how often it re-renders depends on response timing
    return " ".join(map(str, data))
