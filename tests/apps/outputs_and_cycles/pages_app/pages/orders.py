"""Orders page: writes shared.data (DASH001 with the stock page) and mirrors units (DASH040)."""

import dash
from dash import Input, Output, callback, dcc, html

dash.register_page(__name__, path="/orders")

layout = html.Div([html.Button("Order", id="order", n_clicks=0), dcc.Input(id="units", type="number")])


@callback(Output("shared", "data"), Input("order", "n_clicks"), prevent_initial_call=True)
def record_order(n_clicks):
    return n_clicks


@callback(Output("units", "value"), Input("boxes", "value"))
def units_from_boxes(boxes):
    return None if boxes is None else boxes * 12
