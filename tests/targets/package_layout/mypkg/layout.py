"""The page, in its own module of the package."""

from dash import dcc, html

layout = html.Div([dcc.Input(id="city"), html.Div(id="forecast")])
