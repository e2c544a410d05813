"""(c) "Configurator", State variant: each callback has Input(its button) + State(store.data)
and Output(store.data, allow_duplicate=True), so it reads and writes the same store."""
from collections import Counter

from dash import Dash, Input, Output, State, dcc, html
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
                  State("store", "data"), prevent_initial_call=True)
    def setter(_clicks, data):
        CALLS[f"set{i}"] += 1
        if CALLS[f"set{i}"] > CAP:
            raise PreventUpdate
        return data + [i]

    setter.__name__ = f"set{i}"


for _i in range(N):
    make_setter(_i)


@app.callback(Output("shown", "children"), Input("store", "data"), prevent_initial_call=True)
def show(data):  # not counted: how often it re-renders depends on response timing
    return " ".join(map(str, data))
