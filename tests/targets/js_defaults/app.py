"""Components whose defaults live only in their JavaScript: dbc.Toast (its docstring says so;
dbc 2.x ships no metadata.json), dcc.Input (dash's dcc/metadata.json) and a local package's
Gauge (its own metadata.json)."""
import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, dcc, html
from widgets import Gauge

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Show", id="show"),
    dbc.Toast("Hello", id="toast", header="Note"),
    dcc.Input(id="name"),
    Gauge(id="gauge"),
    html.Span("no id: its type's defaults are not recorded"),
])


@app.callback(Output("toast", "is_open"), Input("show", "n_clicks"))
def reopen(_):
    return True
