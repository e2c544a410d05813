"""A project run as `python app.py` beside a stray __init__.py, importing its siblings by their
own names (the DataFactory2 shape): it must be imported as a script, not as a package module."""
from dash import Dash, Input, Output

from view import page

app = Dash(__name__)
app.layout = page.layout


@app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def go(n_clicks):
    return f"clicked {n_clicks}"
