"""Fixture: event Inputs, initial calls and trigger tracking (DASH010, DASH012, DASH030, DASH032, DASH041)."""

import dash
from dash import ALL, Dash, Input, Output, State, callback, callback_context, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

app = Dash(__name__)
app.layout = html.Div(
    [
        html.Button("Save", id="save"),
        html.Button("Save 2", id="save2"),
        html.Button("Reset", id="reset"),
        html.Button("Refresh", id="refresh"),
        html.Button("A", id="a"),
        html.Button("B", id="b"),
        html.Button("Pick 1", id={"type": "pick", "index": 1}),
        html.Button("Go", id="go"),
        dcc.Input(id="query"),
        dcc.Input(id="name"),
        dcc.Dropdown([2023, 2024], 2024, id="year"),
        dcc.Dropdown(["FR", "DE"], "FR", id="country"),
        dcc.Input(id="celsius", type="number"),
        dcc.Input(id="fahrenheit", type="number"),
        dcc.Input(id="c2", type="number"),
        dcc.Input(id="f2", type="number"),
        dcc.Interval(id="interval"),
        dcc.Graph(id="graph"),
        html.Div(id="status"),
        html.Div(id="status2"),
        html.Div(id="status3"),
        html.Div(id="greeting"),
        html.Div(id="table"),
        html.Div(id="table2"),
        html.Div(id="which"),
        html.Div(id="which2"),
        html.Div(id="search"),
        html.Div(id="clock"),
        html.Div(id="clicked"),
        html.Div(id="cs-out"),
        html.Div(id="ts-out"),
        html.Div(id="last-click"),
        html.Div(id="upload-out"),
        dcc.Upload(id="upload"),
        html.Button("Open", id="open"),
        html.Button("Close", id="close"),
        html.Div(id="modal", hidden=True),
        html.Div(id="report"),
    ]
)


# --- bad -----------------------------------------------------------------------------------
@app.callback(Output("status", "children"), Input("save", "n_clicks"))
def save_on_load(n_clicks):
    return f"saved {n_clicks}"


@app.callback(
    Output("status", "children", allow_duplicate=True),
    Input("save2", "n_clicks"),
    prevent_initial_call="initial_duplicate",
)
def save_initial_duplicate(n_clicks):
    return f"saved again {n_clicks}"


@app.callback(Output("greeting", "children"), State("name", "value"), prevent_initial_call=True)
def dead_greeting(name):
    return f"Hello {name}"


@app.callback(Output("table", "children"), Input("reset", "n_clicks"), Input("year", "value"))
def reset_or_filter(reset_clicks, year):
    if reset_clicks:
        return "all rows"
    return f"rows of {year}"


@app.callback(
    Output("which", "children"),
    Input("a", "n_clicks"),
    Input({"type": "pick", "index": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def legacy_which(a, picks):
    button = callback_context.triggered[0]["prop_id"].split(".")[0]  # a pick's id as JSON text
    return f"{button} clicked"


@app.callback(
    Output("celsius", "value"),
    Output("fahrenheit", "value"),
    Input("celsius", "value"),
    Input("fahrenheit", "value"),
)
def sync_without_trigger(celsius, fahrenheit):
    if celsius is None:
        raise PreventUpdate
    return celsius, celsius * 9 / 5 + 32


# --- clean ---------------------------------------------------------------------------------
@app.callback(Output("status2", "children"), Input("save", "n_clicks"), prevent_initial_call=True)
def save_prevented(n_clicks):
    return f"saved {n_clicks}"


@app.callback(Output("status3", "children"), Input("save2", "n_clicks"))
def save_guarded(n_clicks):
    if not n_clicks:
        raise PreventUpdate
    return f"saved {n_clicks}"


@app.callback(Output("table2", "children"), Input("refresh", "n_clicks"), Input("year", "value"))
def refresh_rows(_, year):
    return f"fresh rows of {year}"


@app.callback(Output("search", "children"), Input("year", "value"), Input("country", "value"))
def two_values(year, country):
    return f"{country} {year}"


@app.callback(
    Output("which2", "children"),
    Input("go", "n_clicks"),
    Input("query", "n_submit"),
    State("query", "value"),
    prevent_initial_call=True,
)
def search_on_click_or_enter(_clicks, _submits, query):
    return f"results for {query}"


@app.callback(Output("table", "children", allow_duplicate=True),
              Input("reset", "n_clicks"), Input("country", "value"), prevent_initial_call=True)
def tracked_reset(reset_clicks, country):
    if ctx.triggered_id == "reset":
        return "all rows"
    return f"rows of {country}"


@app.callback(
    Output("c2", "value"),
    Output("f2", "value"),
    Input("c2", "value"),
    Input("f2", "value"),
    prevent_initial_call=True,
)
def sync_tracked(celsius, fahrenheit):
    if ctx.triggered_id == "f2":
        return (fahrenheit - 32) * 5 / 9, no_update
    return no_update, celsius * 9 / 5 + 32


@app.callback(Output("clock", "children"), Input("interval", "n_intervals"))
def tick(n_intervals):
    return str(n_intervals)


@app.callback(Output("clicked", "children"), Input("graph", "clickData"), Input("year", "value"))
def describe_click(click, year):
    if click is None:
        raise PreventUpdate
    return f"{click['points'][0]} in {year}"


@app.callback(
    Output("ts-out", "children"),
    Input("a", "n_clicks_timestamp"),
    Input("b", "n_clicks_timestamp"),
    prevent_initial_call=True,
)
def newest_button(ts_a, ts_b):
    return "a" if (ts_a or 0) > (ts_b or 0) else "b"


@app.callback(Output("last-click", "children"), Input("a", "n_clicks"), Input("b", "n_clicks"))
def last_click(a, b):  # handles the initial call on purpose: triggered_id is None on load
    if ctx.triggered_id is None:
        return "No clicks yet"
    return f"{ctx.triggered_id} was clicked last"


@app.callback(Output("upload-out", "children"), Input("upload", "contents"))
def show_upload(contents):  # tests the event value: the page-load call is expected
    return "nothing uploaded" if contents is None else f"{len(contents)} bytes"


@app.callback(
    Output("modal", "hidden"),
    Input("open", "n_clicks"),
    Input("close", "n_clicks"),
    State("modal", "hidden"),
)
def toggle_modal(n_open, n_close, hidden):  # dbc's docs pattern: any click toggles
    if n_open or n_close:
        return not hidden
    return hidden


@app.callback(Output("report", "children"), Input("go", "n_clicks"), Input("country", "value"))
def report_after_first_click(n_clicks, country):  # reads the counter only to wait for a click
    if n_clicks is None:
        raise PreventUpdate
    return f"report for {country}"


app.clientside_callback(
    """function (a, b) {
        if (!a && !b) { return window.dash_clientside.no_update; }
        return "clicked";
    }""",
    Output("cs-out", "children"),
    Input("a", "n_clicks"),
    Input("b", "n_clicks"),
)
