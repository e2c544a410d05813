"""An app whose file name has a hyphen and a space, reading and writing relative paths."""

import csv
from datetime import datetime

from dash import Dash, Input, Output, dcc, html

with open("data/prices.csv", newline="") as handle:
    PRICES = {row["product"]: float(row["price"]) for row in csv.DictReader(handle)}

with open("startup.log", "a") as log:
    log.write(f"started {datetime.now().isoformat()}\n")

app = Dash(__name__)
app.layout = html.Div([dcc.Dropdown(id="product", options=list(PRICES)), html.Div(id="price")])


@app.callback(Output("price", "children"), Input("product", "value"))
def show_price(product):
    return PRICES.get(product)
