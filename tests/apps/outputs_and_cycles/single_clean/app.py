"""Single-file app that follows the practices DASH001 and DASH040 check: it must stay clean."""

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update

app = Dash(__name__)

app.layout = html.Div(
    [
        html.Button("Add", id="add", n_clicks=0),
        html.Button("Clear", id="clear", n_clicks=0),
        html.Div(id="total"),
        dcc.Slider(id="slider", min=0, max=10, value=5),
        dcc.Input(id="box", type="number", value=5),
        html.Div(id="echo"),
        dcc.Input(id="note", value=""),
        html.Div(id="preview"),
    ]
)


# A plain Output plus an allow_duplicate Output on one property is fine.
@app.callback(Output("total", "children"), Input("add", "n_clicks"))
def add_item(n_clicks):
    return n_clicks


@app.callback(
    Output("total", "children", allow_duplicate=True),
    Input("clear", "n_clicks"),
    prevent_initial_call=True,
)
def clear_items(n_clicks):
    return 0


# One callback synchronising two components (its Outputs are its own Inputs) is allowed.
@app.callback(
    Output("slider", "value"),
    Output("box", "value"),
    Input("slider", "value"),
    Input("box", "value"),
)
def sync(slider, box):
    if ctx.triggered_id == "slider":
        return no_update, slider
    return box, no_update


@app.callback(Output("echo", "children"), Input("box", "value"))
def echo(box):
    return f"value: {box}"


# A State back edge never closes a loop: preview reads note, note reads preview as State.
@app.callback(Output("preview", "children"), Input("note", "value"))
def preview(note):
    return note


@app.callback(
    Output("note", "placeholder"),
    Input("add", "n_clicks"),
    State("preview", "children"),
    prevent_initial_call=True,
)
def placeholder(n_clicks, shown):
    return shown


if __name__ == "__main__":
    app.run(debug=True)
