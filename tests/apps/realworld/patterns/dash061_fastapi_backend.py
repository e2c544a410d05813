"""FP pattern (DASH061): an async callback on Dash's FastAPI backend.

``Dash(backend="fastapi")`` awaits a coroutine in its own dispatcher, so ``fetch`` runs
whether or not ``asgiref`` (``dash[async]``) is installed and even with ``use_async=False``
(checked on Dash 4.4.1: a POST to ``/_dash-update-component`` answers "fetched 3"); only the
Flask backend refuses coroutines (ytalp17/worldcup-2026-dashboard ``live_feed``, where
``asgiref`` was missing). ``use_async=False`` makes the fixture the same with or without it. ``flask_app`` is the true positive beside
it: the same callback on a Flask app created with ``use_async=False``.
"""
from dash import Dash, Input, Output, html

app = Dash(__name__, backend="fastapi", use_async=False)
app.layout = html.Div([html.Button("Go", id="go"), html.Div(id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
async def fetch(n_clicks):
    return f"fetched {n_clicks}"


flask_app = Dash("flask_side", use_async=False)
flask_app.layout = html.Div([html.Button("Go", id="go2"), html.Div(id="out2")])


@flask_app.callback(Output("out2", "children"), Input("go2", "n_clicks"),
                    prevent_initial_call=True)
async def fetch_on_flask(n_clicks):
    return f"fetched {n_clicks}"
