"""Real-world shape (emc-emission, market-research: dash_auth.BasicAuth): every request, the
dependencies one included, needs the app's credentials; without them the server answers 401."""
import base64

from dash import Dash, Input, Output, html
from flask import Response, request

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="go"), html.Div(id="out")])
EXPECTED = "Basic " + base64.b64encode(b"user:secret").decode()


@app.server.before_request
def require_login():
    if request.headers.get("Authorization") != EXPECTED:
        return Response("login required", 401, {"WWW-Authenticate": 'Basic realm="app"'})
    return None


@app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def go(n_clicks):
    return f"clicked {n_clicks}"
