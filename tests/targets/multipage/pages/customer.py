import dash
from dash import html

dash.register_page(__name__, path_template="/customer/<customer_id>")


def layout(customer_id):
    return html.Div([html.H2(f"Customer {customer_id}"), html.Div(id="customer-orders")])
