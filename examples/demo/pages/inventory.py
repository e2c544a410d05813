"""Inventory: stock levels and a restock list built from pattern-matching components."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, MATCH, Input, Output, Patch, State, callback, ctx, dcc, html, set_props
from dash.exceptions import PreventUpdate

from shop_data import PRODUCTS, PRODUCTS_BY_SKU

dash.register_page(__name__, path="/inventory", name="Inventory", order=2)

LOW_STOCK = 20


def stock_table() -> dbc.Table:
    rows = [
        html.Tr(
            [
                html.Td(product.sku),
                html.Td(product.name),
                html.Td(product.category),
                html.Td(
                    dbc.Badge(
                        product.stock,
                        color="danger" if product.stock < LOW_STOCK else "success",
                    )
                ),
            ]
        )
        for product in PRODUCTS
    ]
    header = html.Thead(html.Tr([html.Th(h) for h in ("SKU", "Product", "Category", "Stock")]))
    return dbc.Table([header, html.Tbody(rows)], size="sm", hover=True)


def restock_line(sku: str) -> dbc.ListGroupItem:
    """One line of the restock list; every id is a dict so callbacks address lines by pattern."""
    product = PRODUCTS_BY_SKU[sku]
    return dbc.ListGroupItem(
        dbc.Row(
            [
                dbc.Col(product.name),
                dbc.Col(
                    dbc.Input(
                        id={"type": "restock-quantity", "sku": sku},
                        type="number",
                        min=1,
                        value=LOW_STOCK,
                        size="sm",
                    ),
                    width=3,
                ),
                dbc.Col(html.Span(id={"type": "restock-cost", "sku": sku}), width=2),
                dbc.Col(
                    dbc.Button(
                        "✕",
                        id={"type": "restock-remove", "sku": sku},
                        color="link",
                        size="sm",
                    ),
                    width="auto",
                ),
            ],
            className="align-items-center",
        ),
        id={"type": "restock-line", "sku": sku},
    )


layout = dbc.Row(
    [
        dbc.Col([html.H5("Stock"), stock_table()], md=6),
        dbc.Col(
            [
                html.H5("Restock list"),
                dbc.InputGroup(
                    [
                        dcc.Dropdown(
                            id="restock-product",
                            options=[{"label": p.name, "value": p.sku} for p in PRODUCTS],
                            placeholder="Product to restock…",
                            style={"flex": 1},
                        ),
                        dbc.Button("Add", id="restock-add", color="primary"),
                    ],
                    className="mb-2",
                ),
                dbc.ListGroup([], id="restock-list", className="mb-2"),
                html.Div(id="restock-total", className="fw-bold mb-2"),
                dbc.Button("Send purchase order", id="restock-submit", color="success"),
            ],
            md=6,
        ),
    ]
)


@callback(
    Output("restock-list", "children"),
    Input("restock-add", "n_clicks"),
    State("restock-product", "value"),
    State({"type": "restock-line", "sku": ALL}, "id"),
    prevent_initial_call=True,
)
def add_restock_line(n_clicks: int, sku: str | None, line_ids: list[dict]) -> Patch:
    if sku is None or sku in {line["sku"] for line in line_ids}:
        raise PreventUpdate
    lines = Patch()  # append in the browser instead of resending the whole list
    lines.append(restock_line(sku))
    return lines


@callback(
    Output("restock-list", "children", allow_duplicate=True),
    Input({"type": "restock-remove", "sku": ALL}, "n_clicks"),
    State({"type": "restock-line", "sku": ALL}, "id"),
    prevent_initial_call=True,
)
def remove_restock_line(n_clicks: list[int | None], line_ids: list[dict]) -> Patch:
    # A line being added also fires this (its button appears with n_clicks=None).
    if not isinstance(ctx.triggered_id, dict) or not any(n_clicks):
        raise PreventUpdate
    lines = Patch()
    position = [line["sku"] for line in line_ids].index(ctx.triggered_id["sku"])
    del lines[position]
    return lines


@callback(
    Output({"type": "restock-cost", "sku": MATCH}, "children"),
    Input({"type": "restock-quantity", "sku": MATCH}, "value"),
    State({"type": "restock-quantity", "sku": MATCH}, "id"),
)
def price_restock_line(quantity: int | None, quantity_id: dict) -> str:
    if not quantity:
        PreventUpdate()  # demo: DASH023 never raised, it does nothing: the next line fails on None
    return f"€{quantity * PRODUCTS_BY_SKU[quantity_id['sku']].unit_cost:,.2f}"


@callback(
    Output("restock-total", "children"),
    Input({"type": "restock-quantity", "sku": ALL}, "value"),
    State({"type": "restock-quantity", "sku": ALL}, "id"),
)
def total_restock_cost(quantities: list[int | None], quantity_ids: list[dict]) -> str:
    total = sum(
        (quantity or 0) * PRODUCTS_BY_SKU[qid["sku"]].unit_cost
        for quantity, qid in zip(quantities, quantity_ids)
    )
    return f"Total €{total:,.2f}" if quantity_ids else "Nothing to restock yet."


@callback(
    Input("restock-submit", "n_clicks"),
    State({"type": "restock-quantity", "sku": ALL}, "value"),
    State({"type": "restock-quantity", "sku": ALL}, "id"),
    prevent_initial_call=True,
)
def send_purchase_order(n_clicks: int, quantities: list[int | None], quantity_ids: list[dict]) -> None:
    """No Output: the toast in the app's layout is shared by pages, so it is written with set_props."""
    units = sum(quantity or 0 for quantity in quantities)
    message = (
        f"Purchase order sent: {len(quantity_ids)} products, {units} units."
        if units
        else "The restock list is empty."
    )
    set_props("notice", {"is_open": True, "children": message})
