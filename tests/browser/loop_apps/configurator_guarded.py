"""(f') "Configurator" as written in practice: the Input variant of (c) where each callback
raises PreventUpdate unless its own button fired (ctx.triggered_id)."""
from dash import Input, Output, ctx
from dash.exceptions import PreventUpdate
from loop_scaffold import CAP, configurator_app  # CAP: the browser test reads it

N = 3
app, CALLS, counted = configurator_app(__name__, N)


def make_setter(i: int) -> None:
    @app.callback(Output("store", "data", allow_duplicate=True), Input(f"btn{i}", "n_clicks"),
                  Input("store", "data"), prevent_initial_call=True)
    @counted(f"set{i}")
    def setter(_clicks, data):
        if ctx.triggered_id != f"btn{i}":
            raise PreventUpdate
        return data + [i]

    setter.__name__ = f"set{i}"


for _i in range(N):
    make_setter(_i)
