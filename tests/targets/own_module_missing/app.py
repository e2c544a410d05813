"""Imports a module its own package does not have (dj-urg/data-mirroring-dash-application)."""

from dash import Dash, html

from src.components.utils import card  # noqa: F401  (src/ has no components/)

app = Dash(__name__)
app.layout = html.Div()
