"""A packaged app built by a factory; nothing is created at import."""

from dash import Dash, Input, Output, dcc, html


def create_app():
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="sku"), html.Div(id="stock")])

    @app.callback(Output("stock", "children"), Input("sku", "value"))
    def stock_level(sku):
        return f"{sku}: 3 left"

    return app
