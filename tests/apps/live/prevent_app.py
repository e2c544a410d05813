"""Live parity fixture: an app that prevents initial calls, and a callback that asks for its own anyway."""

from __future__ import annotations

from dash import Dash, Input, Output, html


def make_app(**dash_kwargs) -> Dash:
    """A fresh app; ``dash_kwargs`` go to ``Dash`` (``plugins=[...]``)."""
    app = Dash(__name__, prevent_initial_callbacks=True, **dash_kwargs)
    app.layout = html.Div([html.Button("go", id="go"), html.Div(id="count")])

    # runs on page load despite the app's setting: "Clicked None times" (DASH011)
    @app.callback(Output("count", "children"), Input("go", "n_clicks"),
                  prevent_initial_call=False)
    def count(clicks):
        return f"Clicked {clicks} times"

    return app


app = make_app()
