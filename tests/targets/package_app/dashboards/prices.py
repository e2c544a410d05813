"""The package's callbacks."""

from dash import Input, Output, callback


@callback(Output("price", "children"), Input("refresh", "n_clicks"), prevent_initial_call=True)
def refresh(n_clicks):
    return f"refreshed {n_clicks}"
