"""FP patterns (DASH071) from round 7: a property the layout's component lacks, used where
the renderer never checks it and Dash does what the author meant.

- ``click`` (pattern 34, clima ``pages/select.py``): ``map`` is a placeholder Div in a page;
  ``draw`` (runs on load) replaces ``box.children`` with ``dcc.Graph(id="map")``, which has
  ``clickData``: no finding;
- ``load`` (pattern 35, drug-approvals ``app.py``): ``Input("data", "input")`` on a Store
  runs the callback once when the page appears; the argument is never read: no finding.

The true positives beside them: ``typo`` reads ``Dropdown.values`` (no such prop, the value
is always None); ``late_click`` reads ``clickData`` of a Div nothing replaces; ``shell_click``
the same placeholder shape in the app's own layout, which the renderer validates at
hydration (an "Invalid prop" error in the dev tools).
"""
import dash
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__, use_pages=True, pages_folder="", suppress_callback_exceptions=True)

dash.register_page("select", path="/", layout=html.Div([
    dcc.Location(id="url"),
    html.Div(html.Div(id="map"), id="box"),
    html.Div(id="still-div"),
    dcc.Store(id="data"),
    dcc.Dropdown(["a", "b"], id="pick"),
    html.Div(id="out"),
]))
app.layout = html.Div([html.Div(html.Div(id="shell-map"), id="shell-box"), dash.page_container])


@callback(Output("box", "children"), Input("url", "pathname"))
def draw(_):
    return dcc.Graph(id="map", figure={})


@callback(Output("shell-box", "children"), Input("url", "pathname"))
def draw_shell(_):
    return dcc.Graph(id="shell-map", figure={})


@callback(Output("out", "children"), Input("map", "clickData"), prevent_initial_call=True)
def click(data):
    return str(data)


@callback(Output("out", "title"), Input("still-div", "clickData"), prevent_initial_call=True)
def late_click(data):
    return str(data)


@callback(Output("out", "className"), Input("shell-map", "clickData"), prevent_initial_call=True)
def shell_click(data):
    return str(data)


@callback(Output("data", "data"), Input("data", "input"))
def load(_):
    return {"rows": [1, 2, 3]}


@callback(Output("out", "style"), Input("pick", "values"))
def typo(values):
    return {"color": "red"} if values else {}
