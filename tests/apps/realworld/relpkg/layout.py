"""The layout, imported by app.py with a relative import."""
from dash import dcc, html

layout = html.Div([dcc.Input(id="name", value="x"), html.Button("Go", id="go"), html.Div(id="greeting")])
