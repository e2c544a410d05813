"""FP pattern (DASH041): a selection reset to the new options when it no longer fits them.

``sync`` replaces a multi-select's options and selects all of them when a new result
arrives whose groups do not include the current selection; otherwise it leaves both alone.
A user's own pick comes from those options, so it always passes the subset test: the result
depends on the values, not on which Input fired. Seen in yinchi/virus-sim-dashboard
(``step5_show_sim_results``, twice).

``resync`` and ``always_all`` stay reported: ``resync`` overwrites Fahrenheit from Celsius
whenever they disagree (a user's edit of Fahrenheit makes them disagree: undone), and
``always_all`` reselects every option after each pick.
"""
from dash import Dash, Input, Output, callback, dcc, html, no_update

app = Dash(__name__)
app.layout = html.Div([
    dcc.Store(id="results"),
    dcc.Dropdown(id="groups", options=[], value=[], multi=True),  # a dmc.MultiSelect there
    dcc.Store(id="results-2"),
    dcc.Dropdown(id="groups-2", options=[], value=[], multi=True),
    dcc.Input(id="celsius", type="number"),
    dcc.Input(id="fahrenheit", type="number"),
])


@callback(Output("groups", "options"), Output("groups", "value", allow_duplicate=True),
          Input("results", "data"), Input("groups", "value"), prevent_initial_call=True)
def sync(results, selected):
    available = sorted(results["groups"])
    if not set(selected).issubset(set(available)):
        new_data = [{"label": g, "value": g} for g in available]
        new_value = list(available)
    else:
        new_data = no_update
        new_value = no_update
    return new_data, new_value


@callback(Output("groups-2", "options"), Output("groups-2", "value", allow_duplicate=True),
          Input("results-2", "data"), Input("groups-2", "value"), prevent_initial_call=True)
def always_all(results, selected):
    available = sorted(results["groups"])
    return [{"label": g, "value": g} for g in available], list(available)


@callback(Output("celsius", "value"), Output("fahrenheit", "value"),
          Input("celsius", "value"), Input("fahrenheit", "value"), prevent_initial_call=True)
def resync(c, f):
    if f != c * 9 / 5 + 32:
        return no_update, c * 9 / 5 + 32
    return no_update, no_update
