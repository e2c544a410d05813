"""Fixture: what the layout gives decides whether a page-load call is meant or void (DASH010)."""

from dash import Dash, Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

app = Dash(__name__)
app.layout = html.Div(
    [
        html.Button("Next", id="next", n_clicks=0),
        html.Button("Count", id="count"),
        html.Button("Save", id="save", n_clicks=0),
        html.Button("Get", id="get"),
        html.Button("Send", id="send"),
        html.Button("Keep", id="keep"),
        html.Button("Show", id="show"),
        html.Button("Hint", id="hint"),
        dcc.Checklist(["a", "b"], [], id="pick"),
        dcc.Checklist(["a", "b"], ["a"], id="preset"),
        dcc.Checklist(["a", "b"], [], id="remembered", persistence=True),
        dcc.Input(id="word"),
        html.Div(id="figure"),
        html.Div(id="clicks"),
        html.Div(id="saved"),
        dcc.Download(id="file"),
        dcc.Download(id="file2"),
        dcc.Download(id="file3"),
        html.Div(id="sent"),
        html.Details(id="panel", open=True),
        html.Details(id="panel2"),
    ]
)


# --- clean: the load call is the point, or changes nothing ---------------------------------
@app.callback(Output("figure", "children"), Input("next", "n_clicks"))
def next_figure(n_clicks):  # the layout's 0 renders "Figure 1"; prevented, the page is blank
    return f"Figure {n_clicks + 1}"


@app.callback(Output("file", "data"), Input("get", "n_clicks"), State("pick", "value"))
def download(_, picked):  # nothing is picked on load: the load call returns no_update
    if not picked:
        return no_update
    return {"content": ",".join(picked), "filename": "picked.txt"}


@app.callback(Output("sent", "children"), Input("send", "n_clicks"), State("word", "value"))
def send(_, word):  # the Input gives no value on load: None
    """Send the word."""
    if word is None:
        raise PreventUpdate
    return f"sent {word}"


@app.callback(Output("panel", "open"), Input("show", "n_clicks"))
def show_panel(_):  # writes the True the layout already gives
    return True


# --- bad: the load call acts ----------------------------------------------------------------
@app.callback(Output("clicks", "children"), Input("count", "n_clicks"))
def count_clicks(n_clicks):  # no count in the layout: "Clicked None times" on load
    return f"Clicked {n_clicks} times"


@app.callback(Output("saved", "children"), Input("save", "n_clicks"))
def save(_):  # the count is given but unused: the save runs on load
    return "saved"


@app.callback(Output("file2", "data"), Input("keep", "n_clicks"), State("preset", "value"))
def download_preset(_, picked):  # "a" is picked on load: the download starts
    if not picked:
        return no_update
    return {"content": ",".join(picked), "filename": "picked.txt"}


@app.callback(Output("file3", "data"), Input("get", "n_clicks"), State("remembered", "value"))
def download_remembered(_, picked):  # persistence may bring a choice back before the call
    if not picked:
        return no_update
    return {"content": ",".join(picked), "filename": "picked.txt"}


@app.callback(Output("panel2", "open"), Input("hint", "n_clicks"))
def show_hint(_):  # the layout does not say the panel is open
    return True
