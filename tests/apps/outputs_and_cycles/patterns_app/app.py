"""Pattern-matching app: overlapping wildcard outputs (DASH001) and a cycle through MATCH ids
(DASH040), next to pattern callbacks that are fine."""

from dash import ALL, MATCH, Dash, Input, Output, State, dcc, html

app = Dash(__name__, suppress_callback_exceptions=True)

app.layout = html.Div(
    [
        html.Button("Add row", id="add-row", n_clicks=0),
        html.Button("Clear", id="clear", n_clicks=0),
        html.Div(id="rows"),
        html.Div(id="sum"),
        html.Div(id="best"),
    ]
)


# DASH001: every row's label, and row 0's label again.
@app.callback(
    Output({"type": "label", "index": ALL}, "children"),
    Input("clear", "n_clicks"),
    prevent_initial_call=True,
)
def clear_labels(n_clicks):
    return []


@app.callback(
    Output({"type": "label", "index": 0}, "children"),
    Input("add-row", "n_clicks"),
    prevent_initial_call=True,
)
def first_label(n_clicks):
    return "first"


# DASH040: amount -> price -> amount, per row, through MATCH ids.
@app.callback(
    Output({"type": "price", "index": MATCH}, "value"),
    Input({"type": "amount", "index": MATCH}, "value"),
)
def price_from_amount(amount):
    return amount


@app.callback(
    Output({"type": "amount", "index": MATCH}, "value"),
    Input({"type": "price", "index": MATCH}, "value"),
)
def amount_from_price(price):
    return price


# DASH040: closed only through a matching id: row 0's score is one of the scores read with ALL.
@app.callback(Output("best", "children"), Input({"type": "score", "index": ALL}, "value"))
def best_score(scores):
    return max((s or 0 for s in scores), default=0)


@app.callback(Output({"type": "score", "index": 0}, "value"), Input("best", "children"))
def seed_first_score(best):
    return best


# Clean: ALL in, plain out; MATCH in and out on another property of the same row; an
# allow_duplicate output overlapping a plain one; a State on a written pattern.
@app.callback(Output("sum", "children"), Input({"type": "qty", "index": ALL}, "value"))
def total(quantities):
    return sum(q or 0 for q in quantities)


@app.callback(
    Output({"type": "qty", "index": MATCH}, "style"),
    Input({"type": "qty", "index": MATCH}, "value"),
    State({"type": "label", "index": MATCH}, "children"),
)
def highlight(quantity, label):
    return {"color": "red" if (quantity or 0) > 10 else "black"}


@app.callback(
    Output({"type": "qty", "index": ALL}, "style", allow_duplicate=True),
    Input("clear", "n_clicks"),
    prevent_initial_call=True,
)
def reset_styles(n_clicks):
    return []


if __name__ == "__main__":
    app.run(debug=True)
