"""A target whose # noqa comments sit on a component's line and on a clientside_callback call."""

from dash import Dash, Input, Output, html

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Save", id="save"),  # noqa: DASH072
    html.Button("Save again", id="save"),
    html.Button("Load", id="load"),
    html.Button("Load again", id="load"),
    html.Div(id="status"),
])

app.clientside_callback(  # noqa: DASH001
    "function (n) { return 'client ' + n; }",
    Output("status", "children"), Input("load", "n_clicks"),
)


@app.callback(Output("status", "children"), Input("save", "n_clicks"))
def show(n_clicks):
    return f"server {n_clicks}"
