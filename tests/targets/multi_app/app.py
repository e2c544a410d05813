"""Several Dash apps in one process: a factory, apps in a dict, and a prototype never served."""

from dash import Dash, Input, Output, dcc, html
from flask import Flask

server = Flask(__name__)


def create_dashboard(name, prefix):
    dashboard = Dash(name, server=server, url_base_pathname=prefix)
    dashboard.layout = html.Div([dcc.Input(id="query"), html.Div(id="answer")])

    @dashboard.callback(Output("answer", "children"), Input("query", "value"))
    def answer(query):
        return f"{name}: {query}"

    return dashboard


app = create_dashboard("sales", "/sales/")
APPS = {"admin": create_dashboard("admin", "/admin/")}

prototype = Dash("prototype")  # its own server: the sales server never serves it
prototype.layout = html.Div([dcc.Slider(id="zoom", min=0, max=10), html.Div(id="zoom-level")])


@prototype.callback(Output("zoom-level", "children"), Input("zoom", "value"))
def show_zoom(zoom):
    return zoom
