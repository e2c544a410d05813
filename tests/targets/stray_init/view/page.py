"""A page of the stray-__init__ project, imported by its own name from app.py."""
from dash import html

layout = html.Div([html.Button("Go", id="go"), html.Div(id="out")])
