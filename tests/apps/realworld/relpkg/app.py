"""The app of the package: `from .layout import layout` only works when imported as relpkg.app."""
from dash import Dash, Input, Output, State

from .layout import layout

app = Dash(__name__)
app.layout = layout


@app.callback(Output("greeting", "children"), Input("go", "n_clicks"), State("name", "value"),
              prevent_initial_call=True)
def greet(n_clicks, name):
    return f"Hello {name}"
