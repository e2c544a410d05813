"""A small single-file Dash app in the style of the Dash docs: a shop basket."""

from dash import Dash, Input, Output, State, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div(
    [
        html.H1("Basket"),
        dcc.Input(id="quantity", type="number", value=1),
        dcc.Dropdown(id="product", options=["apple", "pear"], value="apple"),
        html.Button("Apply coupon", id="apply-coupon", n_clicks=0),
        dcc.Input(id="coupon-code"),
        html.Div(id="total"),
        html.Div(id="message"),
    ]
)


@callback(Output("total", "children"), Input("quantity", "value"), Input("product", "value"))
def update_total(quantity, product):
    price = {"apple": 0.5, "pear": 0.7}[product]
    return f"Total: {quantity * price:.2f}"


@app.callback(
    Output("message", "children"),
    Input("apply-coupon", "n_clicks"),
    State("coupon-code", "value"),
    prevent_initial_call=True,
)
def apply_coupon(n_clicks, code):
    return f"Coupon {code} applied"


if __name__ == "__main__":
    app.run(debug=True)
