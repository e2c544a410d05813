import dash
from dash import html, dcc

dash.register_page(__name__, path="/two")

layout = html.Div([dcc.Graph(id="graph")])
