"""FP pattern (DASH020): an if/elif chain dispatching on a State's prefixes.

Every row button of the table has a ``custom`` of ``"update:<name>"`` or ``"delete:<name>"``;
the only Input is the button counter and the initial call is prevented, so the chain always
takes a branch. Seen in luojiaaoo/Plotly-DashGo (access_/group_mgmt_c.py and two more). The
same chain over a dropdown's ``value`` (the user picks or clears it) stays reported.
"""
from dash import Dash, Input, Output, State, callback, dcc, html, no_update

app = Dash(__name__)
app.layout = html.Div([
    dcc.Store(id="clicked", data="update:alice"), html.Button("Row action", id="row-button"),
    html.Div(id="delete-modal"), html.Div(id="edit-modal"),
    dcc.Dropdown(id="kind", options=["a", "b", "c"]), html.Div(id="kind-text"),
])


@callback(Output("delete-modal", "hidden"), Output("edit-modal", "hidden"),
          Input("row-button", "n_clicks"), State("clicked", "data"), prevent_initial_call=True)
def open_modal(_, custom):
    if custom.startswith("delete:"):
        return False, no_update
    elif custom.startswith("update:"):
        return no_update, False


@callback(Output("kind-text", "children"), Input("kind", "value"), prevent_initial_call=True)
def describe(kind):
    if kind == "a":
        return "first"
    elif kind == "b":
        return "second"
