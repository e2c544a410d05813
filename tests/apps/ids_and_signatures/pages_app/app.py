"""DASH070/DASH071/DASH072 clean case: ids that live in page layouts, the same id on two pages."""

import dash
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__, use_pages=True)

app.layout = html.Div([dcc.Location(id="url"), html.Div(id="crumbs"), dash.page_container])


@callback(Output("crumbs", "children"), Input("url", "pathname"))
def show_crumbs(pathname):
    return pathname.strip("/") or "home"


@callback(Output("report-chart", "figure"), Input("report-year", "value"))
def draw_report(year):  # both ids are on the report page only
    return {"data": [], "layout": {"title": f"Report {year}"}}
