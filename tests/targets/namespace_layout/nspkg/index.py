"""A package without __init__.py (a namespace package): only its module form imports it."""

from dash import Dash

from nspkg.layout import layout

app = Dash(__name__)
app.layout = layout
