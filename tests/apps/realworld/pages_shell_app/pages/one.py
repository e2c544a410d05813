import dash
from dash import Input, Output, callback, dcc, html

dash.register_page(__name__, path="/")

layout = html.Div([dcc.Graph(id="graph"), dcc.Slider(0, 10, 1, value=5, id="one-slider"),
                   html.Div(id="status"), html.Img(id="logo")])


@callback(Output("graph", "figure"), Input("one-slider", "value"))
def draw_one(value):
    return {"data": [{"y": [value]}]}
