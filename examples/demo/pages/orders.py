"""Orders: filter recent orders, mark the selected ones shipped, reset the filters."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate

from shop_data import PRODUCTS_BY_SKU, REGIONS, STATUSES, Order, orders_in

dash.register_page(__name__, path="/orders", name="Orders", order=1)

DEFAULT_STATUSES = ["pending", "paid"]
SHOWN_ROWS = 25


def layout(status: str | None = None, **_other_query: str) -> html.Div:
    """The page; ``/orders?status=shipped`` opens it pre-filtered (a shareable link)."""
    statuses = [status] if status in STATUSES else DEFAULT_STATUSES
    return html.Div(
        [
            dbc.Row(
                [
                    dbc.Col(
                        dbc.Checklist(
                            id="orders-status",
                            options=[{"label": s.title(), "value": s} for s in STATUSES],
                            value=statuses,
                            inline=True,
                        ),
                        md=5,
                    ),
                    dbc.Col(
                        dcc.Dropdown(
                            id="orders-region",
                            options=[{"label": region, "value": region} for region in REGIONS],
                            placeholder="All regions",
                        ),
                        md=3,
                    ),
                    dbc.Col(dbc.Input(id="orders-search", placeholder="Product…", debounce=True), md=2),
                    dbc.Col(dbc.Button("Reset", id="orders-reset", color="secondary"), md="auto"),
                ],
                className="mb-3 g-2 align-items-center",
            ),
            dbc.Row(
                [
                    dbc.Col(html.Span(id="orders-count", className="text-muted")),
                    dbc.Col(
                        dbc.Button("Mark pending as shipped", id="orders-ship", color="primary"),
                        width="auto",
                    ),
                ],
                className="mb-2",
            ),
            html.Div(id="orders-table"),
        ]
    )


def orders_table(orders: list[Order]) -> dbc.Table:
    header = html.Thead(
        html.Tr([html.Th(h) for h in ("Order", "Day", "Product", "Qty", "Region", "Status")])
    )
    rows = [
        html.Tr(
            [
                html.Td(order.number),
                html.Td(order.day.isoformat()),
                html.Td(PRODUCTS_BY_SKU[order.sku].name),
                html.Td(order.quantity),
                html.Td(order.region),
                html.Td(dbc.Badge(order.status, color="light", text_color="dark")),
            ]
        )
        for order in orders[-SHOWN_ROWS:][::-1]
    ]
    return dbc.Table([header, html.Tbody(rows)], striped=True, hover=True, size="sm")


def matching_orders(statuses: list[str], region: str | None, search: str | None) -> list[Order]:
    text = (search or "").strip().lower()
    return [
        order
        for order in orders_in(region, 30)
        if order.status in statuses and text in PRODUCTS_BY_SKU[order.sku].name.lower()
    ]


@callback(
    Output("orders-table", "children"),
    Output("orders-count", "children"),
    Input("orders-status", "value"),
    Input("orders-region", "value"),
    Input("orders-search", "value"),
)
def filter_orders(statuses: list[str], region: str | None, search: str | None):
    orders = matching_orders(statuses, region, search)
    return orders_table(orders), f"{len(orders)} orders in the last 30 days"


# demo: DASH010 an n_clicks-only callback without prevent_initial_call runs on every page load, resetting filters a shared link just set
@callback(
    Output("orders-status", "value"),
    Output("orders-region", "value"),
    Output("orders-search", "value"),
    Input("orders-reset", "n_clicks"),
)
def reset_filters(n_clicks: int | None):
    return DEFAULT_STATUSES, None, ""


@callback(
    # demo: DASH001 filter_orders already writes orders-table.children; without allow_duplicate=True Dash rejects this second writer
    Output("orders-table", "children"),
    Input("orders-ship", "n_clicks"),
    State("orders-status", "value"),
    State("orders-region", "value"),
    State("orders-search", "value"),
    prevent_initial_call=True,
)
def ship_pending(n_clicks: int, statuses: list[str], region: str | None, search: str | None):
    pending = [o for o in matching_orders(statuses, region, search) if o.status == "pending"]
    if not pending:
        raise PreventUpdate
    shipped = [
        Order(o.number, o.day, o.sku, o.quantity, o.region, "shipped") if o in pending else o
        for o in matching_orders(statuses, region, search)
    ]
    return orders_table(shipped)
