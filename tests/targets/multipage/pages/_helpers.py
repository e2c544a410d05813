# Skipped by Dash's page loader: the name starts with an underscore.
from dash import Input, Output, callback


@callback(Output("never", "children"), Input("never-input", "value"))
def never_registered(value):
    return value
