"""The callbacks, registered globally (``dash.callback``) when index.py imports this module."""

from dash import Input, Output, callback


@callback(Output("forecast", "children"), Input("city", "value"))
def forecast(city):
    return f"Sunny in {city}"
