"""Clean cases of async, caching, layout ids, properties and signatures (DASH060-DASH091): a realistic app that follows every practice."""

import asyncio
import functools
import json
import tempfile

import diskcache
import requests
from dash import (
    ALL, Dash, DiskcacheManager, Patch, Input, Output, State, callback, clientside_callback, dcc, html,
    no_update,
)
from dash.exceptions import PreventUpdate

manager = DiskcacheManager(diskcache.Cache(tempfile.mkdtemp(prefix="rules-b-clean-")))
app = Dash(__name__, background_callback_manager=manager)  # dash[async] installed: async OK

app.layout = html.Div(
    [
        dcc.Checklist(id="regions", options=["north", "south"], value=[]),
        dcc.Dropdown(id="year", options=[2023, 2024]),
        dcc.Graph(id="chart"),
        dcc.Store(id="filters", data={"min": 0}),
        html.Div(id="summary"),
        html.Div(id="year-label"),
        html.Div(id="stored"),
        html.Button("Refresh", id="refresh"),
        html.Div(id="rates"),
        html.Button("Run", id="run"),
        html.Div(id="result"),
        html.Progress(id="progress", value="0", max="10"),
        dcc.Input(id="qty", type="number"),
        dcc.Input(id="price", type="number"),
        dcc.Input(id="tax", type="number"),
        html.Div(id="total"),
        html.Div(id="net"),
        html.Div(id="gross"),
        html.Div(id="echo"),
        html.Div(id="clock"),
        html.Div(id="count"),
        dcc.Interval(id="tick", interval=60_000),
        html.Div(id="title"),
        html.Div(id="note"),
        html.Ul(id="items"),
        html.Div(id="filter-status"),
        html.Div([dcc.Input(id={"type": "amount", "index": i}) for i in range(3)]),
        html.Div(id="amount-sum"),
        html.Button("Add filter", id="add-filter"),
        html.Div(id="filter-container", children=[]),
        html.Div(id="filter-values"),
    ]
)


async def fetch(url):
    response = await asyncio.to_thread(requests.get, url, timeout=5)
    return response.text


@callback(Output("rates", "children"), Input("refresh", "n_clicks"), prevent_initial_call=True)
async def load_rates(n_clicks):
    euro, dollar = await asyncio.gather(fetch("https://example.invalid/eur"),
                                        fetch("https://example.invalid/usd"))
    await asyncio.sleep(0.1)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, functools.partial(requests.get, "https://example.invalid"))
    return f"{euro} / {dollar}"


@functools.lru_cache(maxsize=32)
def expensive_summary(regions):
    return ", ".join(regions)


@functools.lru_cache(maxsize=8)
def describe_filters(filters_json):
    return f"filters: {filters_json}"


@callback(Output("summary", "children"), Input("regions", "value"))
def summarise_regions(regions):
    return expensive_summary(tuple(regions or ()))


@callback(Output("stored", "children"), Input("filters", "data"))
def show_filters(filters):
    return describe_filters(json.dumps(filters, sort_keys=True))


@callback(Output("year-label", "children"), Input("year", "value"))
@functools.lru_cache(maxsize=4)
def label_year(year):  # a single-value Dropdown: hashable
    return f"Year {year}"


@callback(Output("result", "children"), Input("run", "n_clicks"),
          running=[(Output("run", "disabled"), True, False)],
          progress=[Output("progress", "value")],
          background=True, prevent_initial_call=True)
def run_job(set_progress, n_clicks):
    for step in range(10):
        set_progress(str(step))
    return f"ran {n_clicks}"


@callback(Output("total", "children"),
          State("tax", "value"), Input("qty", "value"), Input("price", "value"))
def show_total(tax, qty, price):  # States declared first come first
    return (qty or 0) * (price or 0) * (1 + (tax or 0))


@callback(Output("net", "children"),
          inputs=dict(quantity=Input("qty", "value"), unit_price=Input("price", "value")),
          state=dict(tax=State("tax", "value")))
def show_net(quantity, unit_price, tax=0):
    return (quantity or 0) * (unit_price or 0)


@callback(Output("gross", "children"), Input("qty", "value"), Input("price", "value"),
          State("tax", "value"))
def show_gross(*values, rounding=2):
    return round(sum(v or 0 for v in values), rounding)


@callback(Output("amount-sum", "children"), Input({"type": "amount", "index": ALL}, "value"))
def add_amounts(amounts):
    return sum(float(a or 0) for a in amounts)


@callback(Output("filter-status", "children"),
          Input("optional-filter", "value", allow_optional=True))
def show_filter_status(value):  # "optional-filter" exists only on some pages
    return value or "all"


clientside_callback(
    "(value, qty) => `${value} x ${qty}`",
    Output("echo", "children"),
    Input("year", "value"),
    State("qty", "value"),
)

clientside_callback(
    """
    function() {  // a trigger-only Input: no parameter needed
        return new Date().toISOString();
    }
    """,
    Output("clock", "children"),
    Input("tick", "n_intervals"),
)

clientside_callback(
    "function() { return arguments.length; }",
    Output("count", "children"),
    Input("qty", "value"),
    Input("price", "value"),
)


@callback(Output("title", "children"), Output("chart", "figure"), Output("note", "children"),
          Input("year", "value"))
def update_panels(year):
    if year is None:
        raise PreventUpdate
    if year == 2023:
        return no_update, no_update, "2023 is archived"
    if year == 2024:
        return [no_update] * 3
    return f"Year {year}", {"data": []}, ""


@callback(Output("items", "children"), Input("regions", "value"))
def list_regions(regions):  # one Output: the returned list is the value
    return [html.Li(r) for r in regions or []]


@callback(Output("filter-container", "children"), Input("add-filter", "n_clicks"),
          prevent_initial_call=True)
def add_filter(n_clicks):  # creates pattern-id components: Dash needs no suppress for them
    children = Patch()
    children.append(dcc.Dropdown(["a", "b"], id={"type": "filter-dropdown", "index": n_clicks}))
    return children


@callback(Output("filter-values", "children"),
          Input({"type": "filter-dropdown", "index": ALL}, "value"))
def show_filter_values(values):
    return ", ".join(str(v) for v in values)


@callback(Output("help-panel", "children"), Input("help-toggle", "n_clicks"),
          optional=True, prevent_initial_call=True)
def show_help(n_clicks):  # optional=True: Dash validates none of these ids (rendered elsewhere)
    return "Press a bar to drill down." if n_clicks else ""
