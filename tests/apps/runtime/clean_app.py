"""Fixture: a realistic app whose triggers, returns, keys and set_props follow every practice DASH002-DASH051 check: no findings."""

import dash
from dash import Dash, Input, Output, State, callback, ctx, dcc, html, no_update, set_props
from dash.exceptions import PreventUpdate

app = Dash(__name__)
app.layout = html.Div(
    [
        dcc.Store(id="todos", data=[]),
        dcc.Input(id="new-todo", placeholder="What needs doing?"),
        html.Button("Add", id="add"),
        html.Button("Clear", id="clear"),
        dcc.Dropdown(["all", "open", "done"], "all", id="show"),
        html.Ul(id="todo-list"),
        html.Div(id="count"),
        html.Div(id="toast"),
        dcc.Input(id="km", type="number", value=1),
        dcc.Input(id="miles", type="number"),
        dcc.Upload(html.Button("Import"), id="upload"),
        dcc.Graph(id="chart"),
        html.Pre(id="point"),
        dcc.Interval(id="poll", interval=60_000),
        html.Div(id="last-poll"),
    ]
)


@callback(
    Output("todos", "data"),
    Output("new-todo", "value"),
    Input("add", "n_clicks"),
    Input("new-todo", "n_submit"),
    Input("clear", "n_clicks"),
    State("new-todo", "value"),
    State("todos", "data"),
    prevent_initial_call=True,
)
def edit_todos(_add, _submit, _clear, text, todos):
    """One writer of the list: the trigger decides what happens."""
    if ctx.triggered_id == "clear":
        return [], no_update
    if not text:
        raise PreventUpdate
    return [*todos, {"text": text, "done": False}], ""


@callback(Output("todo-list", "children"), Output("count", "children"),
          Input("todos", "data"), Input("show", "value"))
def render(todos, show):
    visible = [t for t in todos if show == "all" or t["done"] == (show == "done")]
    return [html.Li(t["text"]) for t in visible], f"{len(visible)} shown"


@callback(
    Output("km", "value"),
    Output("miles", "value"),
    Input("km", "value"),
    Input("miles", "value"),
)
def sync_distance(km, miles):
    """The single-callback circular sync: copy from whichever box changed."""
    if ctx.triggered_id == "miles":
        return (None if miles is None else round(miles * 1.609, 3)), no_update
    return no_update, (None if km is None else round(km / 1.609, 3))


@callback(Input("upload", "contents"), State("upload", "filename"), prevent_initial_call=True)
def import_file(contents, filename):
    """A side effect without Outputs: report through set_props, return nothing."""
    if not contents:
        return
    set_props("toast", {"children": f"imported {filename}"})


@callback(Output("point", "children"), Input("chart", "clickData"), prevent_initial_call=True)
def show_point(click):
    return str(click["points"][0])


@callback(Output("last-poll", "children"), Input("poll", "n_intervals"))
def poll(n_intervals):
    return f"polled {n_intervals or 0} times"


dash.clientside_callback(
    "function (n) { return n ? 'Adding…' : window.dash_clientside.no_update; }",
    Output("add", "title"),
    Input("add", "n_clicks"),
)
