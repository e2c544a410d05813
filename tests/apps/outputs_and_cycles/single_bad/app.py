"""Single-file app with duplicate outputs and cycles across callbacks (DASH001, DASH040)."""

from dash import Dash, Input, Output, State, callback, dcc, html, set_props

app = Dash(__name__)

app.layout = html.Div(
    [
        html.Button("Add", id="add", n_clicks=0),
        html.Button("Clear", id="clear", n_clicks=0),
        html.Button("Reset", id="reset", n_clicks=0),
        html.Div(id="total"),
        dcc.Input(id="celsius", type="number"),
        dcc.Input(id="fahrenheit", type="number"),
        dcc.Input(id="low", type="number"),
        dcc.Input(id="high", type="number"),
        dcc.Input(id="left", type="number"),
        dcc.Input(id="right", type="number"),
        html.Div(id="status"),
        html.Div(id="banner"),
    ]
)


# DASH001: total.children is a plain Output of add_item, clear_items and the clientside one.
@app.callback(Output("total", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
def add_item(n_clicks):
    return n_clicks


@callback(Output("total", "children"), Input("clear", "n_clicks"), prevent_initial_call=True)
def clear_items(n_clicks):
    return 0


app.clientside_callback(
    "function(n) { return 'reset'; }",
    Output("total", "children"),
    Input("reset", "n_clicks"),
    prevent_initial_call=True,
)


@app.callback(
    Output("total", "children", allow_duplicate=True),
    Input("banner", "n_clicks"),
    prevent_initial_call=True,
)
def also_total(n_clicks):
    return n_clicks


# DASH040: a two-callback cycle.
@app.callback(Output("celsius", "value"), Input("fahrenheit", "value"))
def to_celsius(fahrenheit):
    return None if fahrenheit is None else (fahrenheit - 32) * 5 / 9


@app.callback(Output("fahrenheit", "value"), Input("celsius", "value"))
def to_fahrenheit(celsius):
    return None if celsius is None else celsius * 9 / 5 + 32


# DASH040: a cycle closed through an allow_duplicate output (Dash's renderer misses it).
@app.callback(Output("high", "value"), Input("low", "value"))
def raise_high(low):
    return low


@app.callback(
    Output("low", "value", allow_duplicate=True),
    Input("high", "value"),
    prevent_initial_call=True,
)
def lower_low(high):
    return high


# DASH040: a cycle closed through set_props.
@app.callback(Input("left", "value"))
def push_right(left):
    set_props("right", {"value": left})


@app.callback(Output("left", "value"), Input("right", "value"))
def pull_left(right):
    return right


# Suppressed duplicates: noqa on the decorator's first line, and on the def line.
@app.callback(Output("status", "children"), Input("add", "n_clicks"))  # noqa: DASH001
def status_from_add(n_clicks):
    return n_clicks


@app.callback(Output("status", "children"), Input("clear", "n_clicks"))
def status_from_clear(n_clicks):
    return n_clicks


@app.callback(Output("banner", "children"), Input("add", "n_clicks"))
def banner_from_add(n_clicks):  # noqa
    return n_clicks


@app.callback(Output("banner", "children"), Input("clear", "n_clicks"), State("total", "children"))
def banner_from_clear(n_clicks, total):
    return total


if __name__ == "__main__":
    app.run(debug=True)
