"""Bad cases of async, caching, layout ids, properties and signatures (DASH060-DASH091): each callback breaks exactly one practice (named in it)."""

import asyncio
import functools
import time

import requests
from dash import Dash, Input, Output, State, callback, clientside_callback, dcc, html, no_update

app = Dash(__name__, use_async=False)  # DASH061: async callbacks below cannot run

app.layout = html.Div(
    [
        dcc.Checklist(id="regions", options=["north", "south"], value=[]),
        dcc.Graph(id="chart"),
        dcc.Dropdown(id="year", options=[2023, 2024]),
        html.Div(id="summary"),
        html.Div(id="selection"),
        html.Div(id="forecast"),
        html.Div(id="rates"),
        html.Button("Run", id="run"),
        html.Div(id="result"),
        dcc.Input(id="qty", type="number"),
        dcc.Input(id="price", type="number"),
        dcc.Input(id="tax", type="number"),
        html.Div(id="total"),
        html.Div(id="net"),
        html.Div(id="echo"),
        html.Div(id="title"),
        html.Div(id="note"),
        html.Button("Save", id="save"),
        html.Div(html.Button("Save all", id="save")),  # DASH072
    ]
)


@callback(Output("rates", "children"), Input("run", "n_clicks"), prevent_initial_call=True)
async def load_rates(n_clicks):  # DASH060 + DASH061
    response = requests.get("https://example.invalid/rates", timeout=5)
    time.sleep(1)
    await asyncio.sleep(0)
    return response.text


@callback(Output("summary", "children"), Input("regions", "value"))
@functools.lru_cache(maxsize=32)
def summarise_regions(regions):  # DASH063: a Checklist value is a list
    return ", ".join(regions or [])


@functools.lru_cache(maxsize=16)
def describe_points(points):
    return f"{len(points['points'])} points"


@callback(Output("selection", "children"), Input("chart", "selectedData"),
          prevent_initial_call=True)
def summarise_selection(selected):  # DASH063: a dict handed to an lru_cache helper
    return describe_points(selected)


@callback(Output("forcast", "children"), Input("year", "value"))
def show_forecast(year):  # DASH070: "forcast" is in no layout
    return f"Sunny in {year}"


@callback(Output("chart", "figur"), Input("year", "value"))
def draw(year):  # DASH071: dcc.Graph has no "figur"
    return {"data": [], "layout": {"title": str(year)}}


@callback(Output("result", "children"), Input("run", "n_clicks"),
          running=[(Output("run-button", "disabled"), True, False)],
          prevent_initial_call=True)
def run_job(n_clicks):  # DASH080: there is no "run-button"
    return f"ran {n_clicks}"


@callback(Output("total", "children"),
          Input("qty", "value"), Input("price", "value"), State("tax", "value"))
def show_total(qty, price):  # DASH090: Dash passes three arguments
    return (qty or 0) * (price or 0)


@callback(Output("net", "children"),
          inputs=dict(quantity=Input("qty", "value"), unit_price=Input("price", "value")))
def show_net(quantity, price):  # DASH090: keyword `unit_price` has no parameter
    return (quantity or 0) * (price or 0)


clientside_callback(
    """
    function(value, extra) {  // DASH090: `extra` is always undefined
        return value + extra;
    }
    """,
    Output("echo", "children"),
    Input("year", "value"),
)


@callback(Output("title", "children"), Output("chart", "figure"), Output("note", "children"),
          Input("year", "value"))
def update_panels(year):  # DASH091: one path returns two values for three Outputs
    if year is None:
        return "No year", {}
    if year == 2023:
        return no_update
    return f"Year {year}", {"data": []}, ""
