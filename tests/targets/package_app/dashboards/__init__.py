"""A package that is the app: no app.py, index.py or main.py (crypto-dash's ``dashboards``)."""

from dash import Dash, html

app = Dash(__name__)
app.layout = html.Div([html.Button("Refresh", id="refresh"), html.Div(id="price")])

from dashboards import prices  # noqa: E402,F401  (registers the callbacks once app exists)
