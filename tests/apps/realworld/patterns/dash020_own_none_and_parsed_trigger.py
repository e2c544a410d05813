"""FP patterns (DASH020): a None that is the variable's own value; a hand-parsed trigger.

``remember``: ``if date is not None: return date`` then ``return None`` is ``return date``;
None in the Store means "nothing pending" (sdvuuv/spitec ``save_file_name``). ``export``: the
only Input is the button, the initial call is prevented, and the hand-parsed trigger id always
equals it, so the last ``return None`` is never reached (Ciampitti-Lab/AVYield
``download_dataset``, here into a Store rather than a Download).
"""
import dash
from dash import Dash, Input, Output, State, callback, dcc, html

app = Dash(__name__)
app.layout = html.Div([
    dcc.DatePickerSingle(id="date"), html.Button("Cancel", id="cancel"),
    dcc.Store(id="pending"), html.Button("Export", id="export"), dcc.Store(id="exported"),
])


@callback(Output("pending", "data"), Input("cancel", "n_clicks"), State("date", "date"),
          prevent_initial_call=True)
def remember(_, date):
    if date is not None:
        return date
    return None


@callback(Output("exported", "data"), Input("export", "n_clicks"), State("date", "date"),
          prevent_initial_call=True)
def export(n_clicks, date):
    ctx = dash.callback_context
    trigger_id = ctx.triggered[0]["prop_id"].split(".")[0]
    if trigger_id == "export":
        return {"date": date}
    return None
