"""Fixture: event values that page load renders as "None" (DASH011), and load calls that do not."""

from dash import Dash, Input, Output, State, callback, ctx, dcc, html
from dash.exceptions import PreventUpdate

app = Dash(__name__)
app.layout = html.Div(
    [
        html.Button("Click", id="btn"),
        html.Button("Click", id="btn-prevented"),
        html.Button("Counted", id="counted", n_clicks=0),
        html.Button("Tested", id="tested"),
        html.Button("Triggered", id="triggered"),
        html.Button("Helper", id="helper"),
        html.Button("Hide", id="hide", n_clicks=0),
        html.Button("Copy", id="copy"),
        html.Button("Unlock", id="unlock"),
        html.Button("Refused", id="refused"),
        dcc.Input(id="kept", persistence=True),
        dcc.Graph(id="graph"),
        html.Div(id="shown"),
        html.Div(id="shown-prevented"),
        html.Div(id="click-data"),
        html.Div(id="count-out"),
        html.Div(id="tested-out"),
        html.Div(id="triggered-out"),
        html.Div(id="helper-row", style={"display": "none"}),
        html.Div(id="hide-target"),
        html.Div(id="link"),
        dcc.Clipboard(target_id="link"),
        dcc.Dropdown(id="month"),
        html.Div(id="refused-out"),
        html.Div(id="kept-out"),
    ]
)


@callback(Output("shown", "children"), Input("btn", "n_clicks"))
def shown(n_clicks):
    return f"Clicked {n_clicks} times."


@callback(Output("shown-prevented", "children"), Input("btn-prevented", "n_clicks"),
          prevent_initial_call=True)
def shown_prevented(n_clicks):
    return f"Clicked {n_clicks} times."


@callback(Output("click-data", "children"), Input("graph", "clickData"))
def click_data(data):
    text = "clickData: " + str(data)
    return [html.P(text)]


@callback(Output("count-out", "children"), Input("counted", "n_clicks"))
def counted(n_clicks):  # the layout gives 0: "Clicked 0 times." is the page's first state
    return f"Clicked {n_clicks} times."


@callback(Output("tested-out", "children"), Input("tested", "n_clicks"))
def tested(n_clicks):
    if not n_clicks:
        return "Not clicked yet."
    return f"Clicked {n_clicks} times."


@callback(Output("triggered-out", "children"), Input("triggered", "n_clicks"))
def triggered(n_clicks):
    return f"Clicked {n_clicks} times." if ctx.triggered_id else ""


def _row_style(n_clicks, style):
    return {"display": "none"} if not n_clicks else {}


@callback(Output("helper-row", "style"), Input("helper", "n_clicks"), State("helper-row", "style"))
def helper_handled(n_clicks, style):  # okama-dash: the load test lives in a helper
    return _row_style(n_clicks, style)


@callback(Output("hide-target", "hidden"), Input("hide", "n_clicks"))
def hide(n_clicks):  # okama-dash: the comparison with the layout's 0 is the load test
    return n_clicks == 0


@callback(Output("link", "children"), Input("copy", "n_clicks"))
def clipboard_link(_):  # okama-dash: the Clipboard copies this at click time
    return "https://example.org/?tickers=A,B"


@callback(Output("month", "options"), Input("unlock", "n_clicks"))
def fill_months(_):  # market-research: the load call fills the select's empty options
    return [{"label": m, "value": m} for m in ("2024-01", "2024-02")]


@callback(Output("refused-out", "children"), Input("refused", "n_clicks"), State("kept", "value"))
def refused(n_clicks, kept):
    if kept is None:
        raise PreventUpdate
    return f"Clicked {n_clicks} times."


@callback(Output("kept-out", "children"), Input("kept", "n_submit"))
def kept(n_submit):  # persistence: the browser may bring a value back before the first call
    return f"Submitted {n_submit} times."
