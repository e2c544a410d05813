"""Duplicate ids in a page's layout (DASH072), as dash-flightdeck has them: ids copied from an
HTML template. Dash checks ids only in ``app.layout``; a page arrives through a callback, and
there a duplicate matters only when something refers to the id (the renderer and the browser
then reach one copy, tests/browser/test_duplicate_ids.py).

- ``basic-addon2``: two icon Spans nothing refers to: no finding;
- ``email``: two modals each with ``Label(htmlFor="email")`` and ``Input(id="email")``: the
  second label focuses the first input: a finding naming the labels;
- ``remember-me``: read by a callback: a finding naming it.
"""
import dash
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__, use_pages=True, pages_folder="")


def sign_in_form(title):
    return html.Form([
        html.H2(title),
        html.Div([html.Span("@", id="basic-addon2"), dcc.Input(id="email")]),
        html.Label("Your email", htmlFor="email"),
        dcc.Checklist(["Remember me"], id="remember-me"),
    ])


dash.register_page("modals", path="/", layout=html.Div([
    sign_in_form("Sign in"),
    sign_in_form("Sign out"),
    html.Div(id="remembered"),
]))
app.layout = html.Div([dash.page_container])


@callback(Output("remembered", "children"), Input("remember-me", "value"))
def remember(value):
    return "remembered" if value else ""
