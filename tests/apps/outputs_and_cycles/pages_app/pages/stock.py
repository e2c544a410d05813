"""Stock page: the other writer of shared.data and the other half of the units/boxes cycle."""

import dash
from dash import Input, Output, callback, dcc, html

dash.register_page(__name__, path="/stock")

layout = html.Div([html.Button("Restock", id="restock", n_clicks=0), dcc.Input(id="boxes", type="number")])


@callback(Output("shared", "data"), Input("restock", "n_clicks"), prevent_initial_call=True)
def record_restock(n_clicks):
    return -n_clicks


@callback(Output("boxes", "value"), Input("units", "value"))
def boxes_from_units(units):
    return None if units is None else units // 12
