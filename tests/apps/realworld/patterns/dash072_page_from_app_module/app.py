"""FP pattern (DASH072): the home page registered from the app's own module.

``register_page(__name__, ...)`` in app.py makes the page's registry key ``app``, the name
the probe also gives ``app.layout``: the page's components and the shell's were filed under
one name and every id of the page was reported as shared with the shell
(perfectly-preserved-pie/expedition33). Each id here is on one component.
``dup`` is the true positive beside it: the same id in the page and in the shell.
"""
import dash
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__, use_pages=True, pages_folder="")


def home():
    return html.Div([dcc.Location(id="url"), dcc.Dropdown(["/a", "/b"], id="games"),
                     html.Div(id="dup")])


dash.register_page(__name__, path="/", layout=home)
app.layout = html.Div([html.Div(id="dup"), dash.page_container])


@callback(Output("url", "pathname"), Input("games", "value"), prevent_initial_call=True)
def navigate(value):
    return value


@callback(Output("dup", "children"), Input("games", "value"))
def show(value):
    return value
