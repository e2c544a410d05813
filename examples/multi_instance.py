"""Two Dash apps on one Flask server: a public status page and an admin console.

The pattern of Dash's docs ("Combining multiple Dash apps"): each app gets its own
``url_base_pathname`` on a shared Flask ``server``, and registers its callbacks with
``@app.callback`` on its own instance. (``@dash.callback`` would put them in Dash's global list,
which the first app to serve a request takes for itself.)

Run it: ``python examples/multi_instance.py`` then open http://127.0.0.1:8050/.
Lint one app: ``python -m analysis examples.multi_instance:admin_app``; without ``:attr``
the linter reports every instance it finds.
"""

from __future__ import annotations

import os

import flask
from dash import Dash, Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

SERVICES = ("checkout", "search", "payments", "email")

server = flask.Flask(__name__)


@server.route("/")
def index() -> str:
    return '<h1>Status</h1><a href="/status/">Public status</a> · <a href="/admin/">Admin</a>'


status_app = Dash(__name__, server=server, url_base_pathname="/status/", title="Status")
status_app.layout = html.Div(
    [
        html.H1("Service status"),
        dcc.RadioItems(id="status-service", options=list(SERVICES), value="checkout", inline=True),
        html.P(id="status-text"),
    ]
)


@status_app.callback(Output("status-text", "children"), Input("status-service", "value"))
def describe_service(service: str) -> str:
    return f"{service} is operational."


admin_app = Dash(__name__, server=server, url_base_pathname="/admin/", title="Admin")
admin_app.layout = html.Div(
    [
        html.H1("Admin console"),
        dcc.Dropdown(id="admin-service", options=list(SERVICES), value="checkout", clearable=False),
        html.Button("Start maintenance", id="admin-start"),
        html.Button("End maintenance", id="admin-end"),
        html.P(id="admin-log"),
    ]
)


@admin_app.callback(
    Output("admin-log", "children"),
    Input("admin-start", "n_clicks"),
    Input("admin-end", "n_clicks"),
    State("admin-service", "value"),
    prevent_initial_call=True,
)
def toggle_maintenance(start_clicks: int | None, end_clicks: int | None, service: str) -> str:
    if ctx.triggered_id is None:
        raise PreventUpdate
    action = "started" if ctx.triggered_id == "admin-start" else "ended"
    return f"Maintenance {action} for {service}."


if __name__ == "__main__":
    # The Flask server serves both apps; Dash's run() would serve only one of them.
    server.run(host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8050")))
