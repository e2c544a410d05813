"""FP patterns (DASH030): the trigger read through a helper; a click counter as an on/off switch.

``pick`` asks which button fired through a small module-level helper (the snapshot holds the
callback's source only, so the helper's name is what says so). ``theme`` reads the parity of
its button's clicks: ``n_clicks % 2`` is the switch's state, right whichever Input fired.
"""
from dash import Dash, Input, Output, callback, callback_context, dcc, html


def trigger():
    return callback_context.triggered[0]["prop_id"]


app = Dash(__name__)
app.layout = html.Div([
    html.Button("A", id="a"), html.Button("B", id="b"), html.Div(id="picked"),
    html.Button("Dark", id="dark"), dcc.Dropdown(["small", "large"], "small", id="size"),
    html.Div(id="page"),
])


@callback(Output("picked", "children"), Input("a", "n_clicks"), Input("b", "n_clicks"),
          prevent_initial_call=True)
def pick(a, b):
    if trigger().startswith("a."):
        return f"A ({a})"
    return f"B ({b})"


@callback(Output("page", "className"), Input("dark", "n_clicks"), Input("size", "value"))
def theme(n_clicks, size):
    mode = "dark" if n_clicks and n_clicks % 2 == 1 else "light"
    return f"{mode} {size}"
