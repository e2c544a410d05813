"""Loads far too much data at import."""

from dash import Dash, html

DATA = bytearray(3 * 1024 * 1024 * 1024)

app = Dash(__name__)
app.layout = html.Div()
