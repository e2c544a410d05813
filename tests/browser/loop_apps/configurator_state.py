"""(c) "Configurator", State variant: each callback has Input(its button) + State(store.data)
and Output(store.data, allow_duplicate=True), so it reads and writes the same store."""
from dash import Input, Output, State
from loop_scaffold import CAP, configurator_app  # CAP: the browser test reads it

N = 3
app, CALLS, counted = configurator_app(__name__, N)


def make_setter(i: int) -> None:
    @app.callback(Output("store", "data", allow_duplicate=True), Input(f"btn{i}", "n_clicks"),
                  State("store", "data"), prevent_initial_call=True)
    @counted(f"set{i}")
    def setter(_clicks, data):
        return data + [i]

    setter.__name__ = f"set{i}"


for _i in range(N):
    make_setter(_i)
