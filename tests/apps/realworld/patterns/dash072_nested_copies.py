"""Duplicate ids the renderer resolves to the copy meant, or not (DASH072), as in
yinchi/virus-sim-dashboard (components/stepper/step3.py, step5.py).

- ``results``: a Stack holding the title and, inside it, a second Stack with the same id
  where ``show`` writes the results: the renderer keeps the inner copy (last in document
  order), so the write lands inside the outer one, as if only the inner had the id: no
  finding;
- ``cfg``: a button sharing its id with the ``dcc.Download`` after it: a click fires
  ``download``, which is given the Download's ``n_clicks`` (None): a finding.

tests/browser/test_duplicate_copies.py shows both in a browser.
"""
import dash
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__, use_pages=True, pages_folder="")

dash.register_page("steps", path="/", layout=html.Div([
    html.Div([
        html.H3("Fitting results"),
        html.Div(html.P("no results yet"), id="results"),
    ], id="results"),
    html.Button("Fit", id="fit"),
    html.Button("Download", id="cfg"),
    dcc.Download(id="cfg"),
]))
app.layout = html.Div([dash.page_container])


@callback(Output("results", "children"), Input("fit", "n_clicks"), prevent_initial_call=True)
def show(n_clicks):
    return html.P(f"fitted {n_clicks}")


@callback(Output("cfg", "data"), Input("cfg", "n_clicks"), prevent_initial_call=True)
def download(_):
    return {"content": "a,b", "filename": "config.csv"}
