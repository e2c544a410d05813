"""Factories of a DashProxy app whose callbacks go to dash-extensions' global blueprint (round 11, rv-eeg).

``run_viewer`` builds the app, registers the callbacks and runs it, returning None; ``build_viewer``
returns the app. DashProxy moves the blueprint's callbacks onto the app only at server setup."""

from dash import html
from dash_extensions.enrich import DashProxy, Input, Output, callback


def register_callbacks() -> None:
    @callback(Output("out", "children"), Input("go", "n_clicks"))
    def show(n_clicks):
        return n_clicks


def build_viewer() -> DashProxy:
    app = DashProxy(__name__)
    app.layout = html.Div([html.Button("Go", id="go"), html.Div(id="out")])
    register_callbacks()
    return app


def run_viewer(port: int = 8060) -> None:
    build_viewer().run(port=port)
