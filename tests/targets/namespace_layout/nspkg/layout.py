"""The page of the namespace package."""

from dash import Input, Output, callback, dcc, html

layout = html.Div([dcc.Input(id="name"), html.Div(id="greeting")])


@callback(Output("greeting", "children"), Input("name", "value"))
def greet(name):
    return f"Hello {name}"
