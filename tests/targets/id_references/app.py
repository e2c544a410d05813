"""Attributes that name an element by id (``Snapshot.references``): recorded with or without an
id of their own, where the project made them; a ``target`` or ``href`` that names no id is not."""
from dash import Dash, dcc, html

app = Dash(__name__)
app.layout = html.Div([
    html.Label("Email", htmlFor="email"),
    dcc.Input(id="email"),
    html.Span("hint", id="hint", **{"aria-describedby": "email  help"}),
    html.A("Top", href="#top"),
    html.A("Home", href="#"),
    html.A("Docs", href="https://dash.plotly.com", target="_blank"),
])
