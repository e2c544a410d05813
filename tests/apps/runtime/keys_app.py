"""Fixture: callbacks that share Dash's internal key (DASH002 callback-key-collision)."""

from dash import Dash, Input, Output, State, dcc, html

app = Dash(__name__)
other = Dash("other")  # a second app: its keys live in its own callback map
ids = ["save", "load", "name", "email", "log", "log2", "go", "stop"]
app.layout = html.Div([html.Button(id=i) if i in ("save", "load", "go", "stop") else dcc.Input(id=i) for i in ids])
other.layout = html.Div([html.Button(id="save")])


# --- bad: same allow_duplicate output, same Inputs (States are not hashed) ----------------
@app.callback(
    Output("log", "value", allow_duplicate=True),
    Input("save", "n_clicks"),
    State("name", "value"),
    prevent_initial_call=True,
)
def log_name(n, name):
    return f"name {name}"


@app.callback(
    Output("log", "value", allow_duplicate=True),
    Input("save", "n_clicks"),
    State("email", "value"),
    prevent_initial_call=True,
)
def log_email(n, email):
    return f"email {email}"


# --- bad: no-output callbacks with the same Inputs ----------------------------------------
@app.callback(Input("go", "n_clicks"), prevent_initial_call=True)
def notify_audit(n):
    print("audit", n)


@app.callback(Input("go", "n_clicks"), State("name", "value"), prevent_initial_call=True)
def notify_mail(n, name):
    print("mail", n, name)


# --- clean ---------------------------------------------------------------------------------
@app.callback(Output("log2", "value"), Input("load", "n_clicks"), prevent_initial_call=True)
def log_plain(n):
    return "loaded"


@app.callback(
    Output("log2", "value", allow_duplicate=True),
    Input("stop", "n_clicks"),
    prevent_initial_call=True,
)
def log_duplicate_other_inputs(n):
    return "stopped"


@app.callback(Input("stop", "n_clicks"), prevent_initial_call=True)
def side_effect_other_inputs(n):
    print("stop", n)


@other.callback(Input("save", "n_clicks"), prevent_initial_call=True)
def other_app_same_inputs(n):  # same Inputs as notify_* but another app's map
    print("other", n)


@other.callback(Input("save", "n_clicks"), prevent_initial_call=True)
def other_app_twin(n):  # ... with its own twin: a collision inside `other`
    print("other twin", n)
