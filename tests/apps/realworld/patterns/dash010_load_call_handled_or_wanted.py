"""FP patterns (DASH010): load calls the app handles or asks for.

- ``tab_styles``: inline clientside JavaScript that tests ``callback_context.triggered``
  (empty on the initial call in Dash 4.4.1's renderer) and returns the first tab's styles:
  the JavaScript form of ``if not ctx.triggered`` (komo-fr/pep-map, two tab switches).
- ``show_map``: ``prevent_initial_call=False`` written on purpose: with a persisted password a
  returning user sees the map on arrival (rokobo/market-research-project ``update_paths``).
- ``files`` is the true positive beside them: a password check that answers "wrong password"
  on arrival, before anything was typed (the same app's ``tt``).
"""
from dash import Dash, Input, Output, State, clientside_callback, dcc, html

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Full", id="full-tab"), html.Button("Group", id="group-tab"),
    html.Div("full network", id="full-content"), html.Div("group network", id="group-content"),
    dcc.Input(id="password", type="text", persistence=True),
    html.Button("Refresh map", id="refresh-map"), dcc.Graph(id="map"),
    html.Button("Refresh files", id="refresh-files"), html.Div(id="files"),
])

clientside_callback(
    """
    function tab_styles(fullClicks, groupClicks) {
        const ctx = window.dash_clientside.callback_context;
        const shown = {visibility: 'visible'}, hidden = {visibility: 'hidden'};
        if (!ctx.triggered || ctx.triggered.length === 0) {
            return [shown, hidden];
        }
        const clicked = ctx.triggered[0].prop_id.split('.')[0];
        return clicked === 'full-tab' ? [shown, hidden] : [hidden, shown];
    }
    """,
    Output("full-content", "style"), Output("group-content", "style"),
    Input("full-tab", "n_clicks"), Input("group-tab", "n_clicks"),
)


@app.callback(Output("map", "figure"), Input("refresh-map", "n_clicks"),
              State("password", "value"), prevent_initial_call=False)
def show_map(n_clicks, password):
    return {"data": [], "layout": {"title": f"map for {password}"}}


@app.callback(Output("files", "children"), Input("refresh-files", "n_clicks"),
              State("password", "value"))
def files(n_clicks, password):
    if password != "secret":
        return "Wrong password"
    return "report-2026-01.csv"
