"""DASH034 first-clicked-not-triggered: a test that *some* marker fired, then the first
marker whose click count is set taken as the one clicked.

``show_stop`` is qzq92/Dash-sample-analytics-dashboard-concept's
``update_bus_arrival_display`` (callbacks/transport_callback.py) cut down: click stop 0, then
stop 1, and it shows stop 0 again (tests/browser/test_first_clicked.py). ``show_stop_fixed``
reads ``ctx.triggered_id`` and shows stop 1.
"""
from dash import ALL, Dash, Input, Output, State, callback_context, ctx, html

STOPS = ["83139", "83141", "84009"]

app = Dash(__name__)
app.layout = html.Div([
    html.Div([html.Button(f"Stop {code}", id={"type": "stop-marker", "index": code})
              for code in STOPS]),
    html.Button("Search", id="stop-search"),
    html.Div(id="arrivals"),
    html.Div(id="arrivals-fixed"),
])


@app.callback(Output("arrivals", "children"),
          Input({"type": "stop-marker", "index": ALL}, "n_clicks"),
          Input("stop-search", "n_clicks"),
          State({"type": "stop-marker", "index": ALL}, "id"),
          prevent_initial_call=True)
def show_stop(marker_clicks, search_clicks, marker_ids):
    trigger_id = callback_context.triggered[0]["prop_id"]
    if "stop-search" in trigger_id:
        return "search"
    if "stop-marker" in trigger_id:
        clicked_index = None
        for i, clicks in enumerate(marker_clicks):
            if clicks and clicks > 0:
                clicked_index = i
                break
        return f"arrivals at {marker_ids[clicked_index]['index']}"
    return "nothing"


@app.callback(Output("arrivals-fixed", "children"),
          Input({"type": "stop-marker", "index": ALL}, "n_clicks"),
          Input("stop-search", "n_clicks"),
          prevent_initial_call=True)
def show_stop_fixed(marker_clicks, search_clicks):
    if ctx.triggered_id == "stop-search":
        return "search"
    return f"arrivals at {ctx.triggered_id['index']}"
