"""Pricing: a VAT calculator and a margin target, two ways of keeping two inputs in step."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, ctx, dcc, html, no_update

from shop_data import VAT_RATE

dash.register_page(__name__, path="/pricing", name="Pricing", order=3)


def labelled(label: str, control) -> dbc.Row:
    return dbc.Row([dbc.Label(label, width=4), dbc.Col(control)], className="mb-2")


layout = dbc.Row(
    [
        dbc.Col(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H5("VAT calculator"),
                        labelled("Net price (€)", dbc.Input(id="price-net", type="number", value=100)),
                        labelled("Gross price (€)", dbc.Input(id="price-gross", type="number")),
                    ]
                )
            ),
            md=6,
        ),
        dbc.Col(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H5("Margin target"),
                        labelled(
                            "Margin (%)",
                            dcc.Slider(id="margin-slider", min=0, max=80, step=1, value=35,
                                       marks=None, tooltip={"placement": "bottom"}),
                        ),
                        labelled("Margin (%)", dbc.Input(id="margin-input", type="number", value=35)),
                    ]
                )
            ),
            md=6,
        ),
    ]
)


# demo: DASH040 net_to_gross and gross_to_net feed each other (a 2-callback cycle); Dash refuses circular dependencies — use one callback with ctx.triggered_id, like sync_margin below
@callback(Output("price-gross", "value"), Input("price-net", "value"))
def net_to_gross(net: float | None):
    return no_update if net is None else round(net * (1 + VAT_RATE), 2)


@callback(Output("price-net", "value"), Input("price-gross", "value"))
def gross_to_net(gross: float | None):
    return no_update if gross is None else round(gross / (1 + VAT_RATE), 2)


@callback(
    Output("margin-slider", "value"),
    Output("margin-input", "value"),
    Input("margin-slider", "value"),
    Input("margin-input", "value"),
    prevent_initial_call=True,
)
def sync_margin(slider_value: float | None, typed_value: float | None):
    """One callback owns both values, so the pair can never loop (Dash's circular-sync pattern)."""
    value = typed_value if ctx.triggered_id == "margin-input" else slider_value
    if value is None:
        return no_update, no_update
    value = min(max(value, 0), 80)
    return value, value
