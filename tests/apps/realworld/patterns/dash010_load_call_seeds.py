"""FP patterns (DASH010): the page-load call is how the page gets its first state.

- ``groups``: the Update button's callback also runs on load and turns the text input's
  initial breakpoints into the dict of age groups the Store's readers use; the layout seeds
  the Store with a list (the author's "match initial value of text input"). With
  ``prevent_initial_call=True``, as DASH010 advised, ``table`` gets the list and fails on
  ``.items()``.
- ``fit``: the load call raises PreventUpdate at once: the main Store is ``{}`` at load, so
  ``"step1" not in main`` holds; a request and nothing else.

``save`` and ``fit_later`` stay reported: ``save`` writes a Store nobody seeded, from a State the
layout leaves empty; ``fit_later``'s Store is not empty at load, so its refusal is not certain.
Seen in yinchi/virus-sim-dashboard (components/stepper/step3.py ``update_age_groups``,
``fit_los_dists``).
"""
from dash import Dash, Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="breaks", value="16,65"),
    html.Button("Update", id="update"),
    dcc.Store(id="groups", data=["Age < 16", "Age >= 16 and Age < 65", "Age >= 65"]),
    html.Div(id="table"),
    dcc.Store(id="main", data={}),
    dcc.Store(id="main-later", data={"step1": {"rows": [1, 2]}}),
    html.Button("Fit", id="fit"),
    dcc.Store(id="fits"),
    dcc.Store(id="fits-later"),
    dcc.Input(id="note"),
    html.Button("Save", id="save"),
    dcc.Store(id="saved"),
    html.Div(id="saved-at"),
])


def age_groups(text):
    cuts = [0, *sorted(int(c) for c in text.split(",") if c.strip())]
    return {f"{a}-{b - 1}": f"Age >= {a} and Age < {b}" for a, b in zip(cuts, cuts[1:])}


@callback(Output("groups", "data"), Input("update", "n_clicks"), State("breaks", "value"))
def groups(_, breaks):
    return age_groups(breaks)


@callback(Output("table", "children"), Input("groups", "data"))
def table(groups):
    return [html.P(f"{name}: {query}") for name, query in groups.items()]


@callback(Output("fits", "data"), Input("fit", "n_clicks"), State("main", "data"))
def fit(_, main):
    if "step1" not in main or "rows" not in main["step1"]:
        raise PreventUpdate
    return {"fitted": len(main["step1"]["rows"])}


@callback(Output("fits-later", "data"), Input("fit", "n_clicks"), State("main-later", "data"))
def fit_later(_, main):
    if "step1" not in main:
        raise PreventUpdate
    return {"fitted": len(main["step1"]["rows"])}


@callback(Output("saved", "data"), Input("save", "n_clicks"), State("note", "value"))
def save(_, note):
    return {"note": note}


@callback(Output("saved-at", "children"), Input("saved", "data"))
def saved_at(saved):
    return f"saved {saved}"
