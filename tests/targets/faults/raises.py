"""Raises at import: a misconfigured layout."""

from dash import Dash, html

app = Dash(__name__)
PRICES = {"apple": 0.5}
app.layout = html.Div(PRICES["pear"])
