"""DASH091 on a callback made by a factory whose Outputs and returns both follow a factory
argument (round 10, transformer-test-simulator's update_winding_insulation_options): the "at"
registration has four Outputs and returns four, the others three and three. Each registration
takes only its own branch, so no return has the wrong length."""

from dash import Dash, Input, Output, dcc, html

app = Dash(__name__)
app.layout = html.Div([
    html.Div([dcc.Input(id=f"kv_{w}"), dcc.Dropdown(id=f"nbi_{w}"), dcc.Dropdown(id=f"sil_{w}"),
              dcc.Dropdown(id=f"ta_{w}"), dcc.Dropdown(id=f"ti_{w}")])
    for w in ("at", "bt", "ter")
])


def make_options_callback(winding):
    outputs = [Output(f"nbi_{winding}", "options"), Output(f"sil_{winding}", "options"),
               Output(f"ta_{winding}", "options")]
    if winding == "at":
        outputs.append(Output(f"ti_{winding}", "options"))

    @app.callback(outputs, Input(f"kv_{winding}", "value"))
    def update_options(kv):
        nbi, sil, ta = [kv or 0], [1], [2]
        if winding == "at":
            return nbi, sil, ta, [3]
        return nbi, sil, ta

    @app.callback(outputs, Input(f"kv_{winding}", "value"), prevent_initial_call=True)
    def slip(kv):
        if kv is None:  # a runtime condition: this return has the wrong length for every one
            return [], []
        if winding == "at":
            return [kv], [kv], [kv], [kv]
        return [kv], [kv], [kv]


for name in ("at", "bt", "ter"):
    make_options_callback(name)
