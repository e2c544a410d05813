"""Real-world pattern: the trigger (or an event value) is read into a local name first, and the
condition tests that name (dash.plotly.com "determining which input changed", plotly/dash's
todo test app). Such bodies tell the page-load call apart: no DASH010. One unguarded callback
keeps the rule honest."""
import dash
from dash import Dash, Input, Output, State, ctx, html, dcc

app = Dash(__name__)
app.layout = html.Div([
    html.Button("1", id="btn-1"),
    html.Button("2", id="btn-2"),
    html.Button("3", id="btn-3"),
    html.Div(id="container"),
    dcc.Input(id="new-item"),
    html.Button("Add", id="add"),
    html.Button("Clear", id="clear-done"),
    html.Div(id="list-container"),
    html.Button("Count", id="count-btn"),
    html.Div(id="count"),
    html.Button("Save", id="save"),
    html.Div(id="saved"),
])

SAVED: list = []


@app.callback(Output("container", "children"),
              Input("btn-1", "n_clicks"), Input("btn-2", "n_clicks"), Input("btn-3", "n_clicks"))
def display(btn1, btn2, btn3):
    button_clicked = ctx.triggered_id
    return f"last: {button_clicked}" if button_clicked else "No clicks yet"


@app.callback(
    Output("list-container", "children"),
    Input("add", "n_clicks"), Input("new-item", "n_submit"), Input("clear-done", "n_clicks"),
    State("new-item", "value"),
)
def edit_list(add, add2, clear, new_item):
    triggered = [t["prop_id"] for t in dash.callback_context.triggered]
    adding = len([1 for i in triggered if i in ("add.n_clicks", "new-item.n_submit")])
    items = []
    if adding:
        items.append(new_item)
    return items


@app.callback(Output("count", "children"), Input("count-btn", "n_clicks"))
def count(n_clicks):
    clicks = n_clicks or 0
    if clicks:
        return f"{clicks} clicks"
    return "not clicked yet"


@app.callback(Output("saved", "children"), Input("save", "n_clicks"))
def save_unguarded(n_clicks):
    SAVED.append(n_clicks)  # runs on page load too: the finding this app must keep
    return "Saved"
