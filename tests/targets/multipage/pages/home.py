import dash
from dash import Input, Output, callback, dcc, html

dash.register_page(__name__, path="/")

layout = html.Div(
    [
        html.H2("Overview"),
        dcc.Dropdown(id="region", options=["north", "south"], value="north"),
        html.Div(id="overview-total"),
    ]
)


@callback(Output("overview-total", "children"), Input("region", "value"))
def overview_total(region):
    return f"Total for {region}"
