"""DASH010 false positive from cuban_fx_app: a hidden button, clicked from JavaScript whenever
the server pushes data, is the only Input; the page-load call is what draws the slot."""
from dash import Dash, Input, Output, html

DATA = {"messages": 3}

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Sync", id="sync-trigger", style={"display": "none"}),
    html.Button("Refresh", id="refresh"),
    html.Div(id="slot"),
    html.Div(id="refreshed"),
])


@app.callback(Output("slot", "children"), Input("sync-trigger", "n_clicks"))
def draw_slot(_):
    return f"{DATA['messages']} messages"


@app.callback(Output("refreshed", "children"), Input("refresh", "n_clicks"))
def refresh(_):  # a visible button: the load call is still reported
    return f"{DATA['messages']} messages"
