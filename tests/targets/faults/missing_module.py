"""Needs a package that only the target's own virtualenv has."""

import dash_callback_explorer_missing_dependency  # noqa: F401
from dash import Dash, html

app = Dash(__name__)
app.layout = html.Div()
