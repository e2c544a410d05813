"""Overview: revenue KPIs and the daily revenue chart, per region and period."""

from __future__ import annotations

import datetime as dt

import dash
import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import Input, Output, State, callback, dcc, html

from shop_data import PRODUCTS_BY_SKU, REGIONS, daily_revenue, orders_in, revenue_on

dash.register_page(__name__, path="/", name="Overview", order=0)

ALL_REGIONS = "all"


def kpi_card(title: str, value_id: str) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody([html.Small(title, className="text-muted"), html.H3("…", id=value_id)])
    )


layout = html.Div(
    [
        dbc.Row(
            [
                dbc.Col(
                    dcc.Dropdown(
                        id="overview-region",
                        options=[{"label": "All regions", "value": ALL_REGIONS}]
                        + [{"label": region, "value": region} for region in REGIONS],
                        value=ALL_REGIONS,
                        clearable=False,
                    ),
                    md=3,
                ),
                dbc.Col(
                    dbc.RadioItems(
                        id="overview-period",
                        options=[{"label": f"{days} days", "value": days} for days in (7, 30, 90)],
                        value=30,
                        inline=True,
                    ),
                    md=5,
                ),
            ],
            className="mb-3",
        ),
        dbc.Row(
            [
                dbc.Col(kpi_card("Revenue", "kpi-revenue")),
                dbc.Col(kpi_card("Orders", "kpi-orders")),
                dbc.Col(kpi_card("Average order", "kpi-average")),
                dbc.Col(kpi_card("Best seller", "top-product-name")),
            ],
            className="mb-3",
        ),
        dcc.Graph(id="revenue-graph", config={"displaylogo": False}),
        html.Div("Click a day on the chart to see its categories.", id="day-detail"),
    ]
)


def region_filter(region: str) -> str | None:
    return None if region == ALL_REGIONS else region


@callback(
    Output("kpi-revenue", "children"),
    Output("kpi-orders", "children"),
    Output("kpi-average", "children"),
    Input("overview-region", "value"),
    Input("overview-period", "value"),
)
def update_kpis(region: str, days: int) -> tuple[str, str, str]:
    orders = [o for o in orders_in(region_filter(region), days) if o.status != "returned"]
    revenue = sum(order.revenue for order in orders)
    average = revenue / len(orders) if orders else 0.0
    return f"€{revenue:,.0f}", f"{len(orders):,}", f"€{average:,.2f}"


@callback(
    Output("revenue-graph", "figure"),
    Input("overview-region", "value"),
    Input("overview-period", "value"),
)
def draw_revenue(region: str, days: int) -> go.Figure:
    day_list, revenue = daily_revenue(orders_in(region_filter(region), days))
    figure = go.Figure(go.Bar(x=day_list, y=revenue, marker_color="#0d6efd"))
    figure.update_layout(
        title=f"Daily revenue · {region if region != ALL_REGIONS else 'all regions'}",
        margin={"l": 40, "r": 10, "t": 50, "b": 30},
        yaxis_tickprefix="€",
        template="plotly_white",
        height=360,
    )
    return figure


@callback(
    # demo: DASH070 the card's id is "top-product-name"; this Output names an id that no layout has, so the best seller never shows
    Output("top-product", "children"),
    Input("overview-region", "value"),
    Input("overview-period", "value"),
)
def show_best_seller(region: str, days: int) -> str:
    units: dict[str, int] = {}
    for order in orders_in(region_filter(region), days):
        units[order.sku] = units.get(order.sku, 0) + order.quantity
    best = max(units, key=units.__getitem__)
    return PRODUCTS_BY_SKU[best].name


@callback(
    Output("day-detail", "children"),
    # demo: DASH071 Graph has no "clickdata" property (it is "clickData"): Dash never fires this callback
    Input("revenue-graph", "clickdata"),
    State("overview-region", "value"),
    prevent_initial_call=True,
)
def describe_day(click_data: dict, region: str) -> str:
    day = dt.date.fromisoformat(click_data["points"][0]["x"][:10])
    categories = revenue_on(day, region_filter(region))
    parts = ", ".join(f"{name} €{value:,.0f}" for name, value in sorted(categories.items()))
    return f"{day:%a %d %b}: {parts}"
