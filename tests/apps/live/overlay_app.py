"""Live overlay fixture (issue 16): a page-load callback, a set_props loop, a never-called one, an error."""

from dash import Dash, Input, Output, State, html, set_props
from dash.exceptions import PreventUpdate

#: The loop stops itself once ``b`` reaches this: one click makes ``forward`` fire 21 times.
LIMIT = 40

app = Dash(__name__)
app.layout = html.Div([
    html.Button("count", id="count-go"), html.Div(id="clicks"),
    html.Button("loop", id="loop-go"), html.Div(0, id="a"), html.Div(0, id="b"),
    html.Button("fail", id="fail-go"), html.Div(id="fail-out"),
    html.Div("world", id="name"), html.Div(id="never"),
])


@app.callback(Output("clicks", "children"), Input("count-go", "n_clicks"))
def count(n_clicks):
    """Runs on page load and shows its None (DASH011)."""
    return f"Clicked {n_clicks} times"


@app.callback(Output("b", "children"), Input("loop-go", "n_clicks"), Input("a", "children"),
              prevent_initial_call=True)
def forward(_clicks, a):
    return int(a) + 1


@app.callback(Input("b", "children"), prevent_initial_call=True)
def back(b):
    """Closes the loop with set_props (DASH040): Dash re-runs it until this stops it."""
    if int(b) >= LIMIT:
        raise PreventUpdate
    set_props("a", {"children": int(b) + 1})


@app.callback(Output("fail-out", "children"), Input("fail-go", "n_clicks"),
              prevent_initial_call=True)
def fail(n_clicks):
    raise ValueError(f"fail was clicked {n_clicks} times")


@app.callback(Output("never", "children"), State("name", "children"),
              prevent_initial_call=True)
def never(name):
    """No Input and no page-load call (DASH012)."""
    return name
