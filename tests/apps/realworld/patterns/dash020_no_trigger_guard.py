"""FP pattern (DASH020): ``if not ctx.triggered_id: return`` with the initial call prevented.

With ``prevent_initial_callbacks=True`` Dash never calls the callback without a trigger: not
on load, and not when a page inserts its Input (the inserted Input is the trigger); only the
"final call" after ALL-pattern Inputs are removed has none (tests/browser/
test_dash020_renderer.py). Seen in queze1/ark-rp-visualisation
(pages/dashboard/filters.py; the app-level setting reaches ``app.callback`` only). The
guard over an ALL pattern stays reported.
"""
from dash import ALL, MATCH, Dash, Input, Output, ctx, dcc, html

app = Dash(__name__, prevent_initial_callbacks=True)
app.layout = html.Div([
    dcc.Dropdown(id={"type": "filter", "index": 1}, options=["a", "b"]),
    html.Div(id={"type": "operator", "index": 1}), html.Div(id={"type": "input", "index": 1}),
    html.Div(id="count"),
])


@app.callback(Output({"type": "operator", "index": MATCH}, "children"),
          Output({"type": "input", "index": MATCH}, "children"),
          Input({"type": "filter", "index": MATCH}, "value"))
def update_filter(kind):
    trigger = ctx.triggered_id
    if not trigger:
        return
    return f"{kind} op", f"{kind} input"


@app.callback(Output("count", "children"), Output("count", "title"),
          Input({"type": "filter", "index": ALL}, "value"))
def count(kinds):
    if not ctx.triggered_id:
        return
    return str(len(kinds)), "filters"
