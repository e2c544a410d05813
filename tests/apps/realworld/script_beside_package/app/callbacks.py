"""One callback, registered on the app the script passes in."""

from dash import Input, Output


def register(app) -> None:
    @app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def clicked(n_clicks):
        return f"clicked {n_clicks} times"
