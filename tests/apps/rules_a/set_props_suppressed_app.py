"""Fixture: suppress_callback_exceptions explains set_props ids missing from the layout (DASH051)."""

from dash import Dash, Input, html, set_props

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("Go", id="go"), html.Div(id="content")])


@app.callback(Input("go", "n_clicks"), prevent_initial_call=True)
def fill_later(n):
    set_props("made-by-a-page-later", {"children": "hello"})
