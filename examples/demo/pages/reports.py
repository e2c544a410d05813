"""Reports: a slow monthly report built by a background callback with progress and cancel."""

from __future__ import annotations

import time

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html

from shop_data import PRODUCTS, REGIONS, orders_in

dash.register_page(__name__, path="/reports", name="Reports", order=4)

REPORT_KINDS = {"region": "Revenue by region", "product": "Units by product"}

layout = html.Div(
    [
        dbc.Row(
            [
                dbc.Col(
                    dbc.Select(
                        id="report-kind",
                        options=[{"label": label, "value": key} for key, label in REPORT_KINDS.items()],
                        value="region",
                    ),
                    md=3,
                ),
                dbc.Col(
                    dbc.Select(
                        id="report-currency",
                        options=[{"label": c, "value": c} for c in ("EUR", "USD")],
                        value="EUR",
                    ),
                    md=2,
                ),
                dbc.Col(dbc.Button("Build report", id="report-build", color="primary"), width="auto"),
                dbc.Col(
                    dbc.Button("Cancel", id="report-cancel", color="secondary", disabled=True),
                    width="auto",
                ),
            ],
            className="mb-3 g-2",
        ),
        html.P(id="report-preview", className="text-muted"),
        dbc.Progress(id="report-progress", value=0, label="", className="mb-3"),
        html.Div(id="report-result"),
    ]
)


@callback(
    Output("report-result", "children"),
    Input("report-build", "n_clicks"),
    State("report-kind", "value"),
    background=True,
    progress=[Output("report-progress", "value"), Output("report-progress", "label")],
    running=[
        (Output("report-build", "disabled"), True, False),
        (Output("report-cancel", "disabled"), False, True),
    ],
    cancel=[Input("report-cancel", "n_clicks")],
    prevent_initial_call=True,
)
def build_report(set_progress, n_clicks: int, kind: str) -> dbc.Table:
    """Runs in a worker process, so the page stays responsive; set_progress drives the bar."""
    orders = orders_in(None, 30)
    groups = REGIONS if kind == "region" else tuple(p.sku for p in PRODUCTS)
    rows = []
    for done, group in enumerate(groups, start=1):
        time.sleep(0.3)  # stands in for a slow warehouse query
        if kind == "region":
            value = f"€{sum(o.revenue for o in orders if o.region == group):,.0f}"
        else:
            value = str(sum(o.quantity for o in orders if o.sku == group))
        rows.append(html.Tr([html.Td(group), html.Td(value)]))
        set_progress((100 * done // len(groups), f"{done}/{len(groups)}"))
    return dbc.Table([html.Tbody(rows)], size="sm", striped=True)


@callback(
    Output("report-preview", "children"),
    Input("report-kind", "value"),
    State("report-currency", "value"),
)
def preview_report(kind: str):  # demo: DASH090 the State adds a second argument (the currency) that this function cannot take: TypeError on every call
    return f"{REPORT_KINDS[kind]} over the last 30 days."
