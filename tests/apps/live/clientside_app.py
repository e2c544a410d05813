"""Live parity fixture: clientside callbacks (inline and ClientsideFunction) in a loop and sharing an Output."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, html

#: A string no UTF-8 can encode (tds-alerts has one): the live snapshot reads every constant
#: of the project's files to place inline clientside functions, and must pass it by.
LONE_SURROGATE = "\ud83d"


def make_app(**dash_kwargs) -> Dash:
    """A fresh app; ``dash_kwargs`` go to ``Dash`` (``plugins=[...]``)."""
    app = Dash(__name__, **dash_kwargs)
    app.layout = html.Div([
        html.Div(id="left"), html.Div(id="right"),
        html.Button("copy", id="source"), html.Div(id="twice"), html.Div(id="shown"),
    ])

    @app.callback(Output("right", "children"), Input("left", "children"))
    def forward(value):
        return value

    # closes a loop with forward (DASH040): inline JavaScript
    app.clientside_callback("function(value) { return value; }",
                            Output("left", "children"), Input("right", "children"))

    @app.callback(Output("twice", "children"), Input("source", "n_clicks"))
    def echo(clicks):
        return clicks

    # writes echo's Output without allow_duplicate (DASH001): a function of the app's assets
    app.clientside_callback(ClientsideFunction("fixture", "copy"),
                            Output("twice", "children"), Output("shown", "children"),
                            Input("source", "n_clicks"))
    return app


app = make_app()
