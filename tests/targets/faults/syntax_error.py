"""Has a syntax error on line 9."""

from dash import Dash, html

app = Dash(__name__)
app.layout = html.Div()


def broken(value)
    return value
