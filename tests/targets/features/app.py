"""A feature-rich Dash app: pattern ids, duplicates, clientside, background, async, caching."""

import functools
import time

import diskcache
from dash import (
    ALL,
    ALLSMALLER,
    MATCH,
    ClientsideFunction,
    Dash,
    DiskcacheManager,
    Input,
    Output,
    Patch,
    State,
    callback,
    clientside_callback,
    ctx,
    dcc,
    html,
    no_update,
    set_props,
)

cache = diskcache.Cache()  # a temporary directory
background_callback_manager = DiskcacheManager(cache)

app = Dash(__name__, background_callback_manager=background_callback_manager,
           suppress_callback_exceptions=True, prevent_initial_callbacks=True)


def serve_layout():
    return html.Div(
        [
            dcc.Store(id="store"),
            html.Button("Add filter", id="add-filter", n_clicks=0),
            html.Div(id="filters", children=[]),
            html.Div(id="summary"),
            dcc.Input(id="city", value="Paris"),
            html.Button("Reset", id="reset", n_clicks=0),
            html.Button("Run", id="run", n_clicks=0),
            html.Button("Cancel", id="cancel", n_clicks=0),
            html.Progress(id="progress", value="0", max="10"),
            html.P(id="result"),
            dcc.Graph(id="graph"),
            html.Div(id="log"),
            html.Div(id="title-sink"),
        ]
    )


app.layout = serve_layout


@callback(
    Output("filters", "children"),
    Input("add-filter", "n_clicks"),
    prevent_initial_call=True,
)
def add_filter(n_clicks):
    patched = Patch()
    patched.append(dcc.Dropdown(id={"type": "filter", "index": n_clicks}, options=["a", "b"]))
    return patched


@callback(
    Output({"type": "filter-label", "index": MATCH}, "children"),
    Input({"type": "filter", "index": MATCH}, "value"),
)
def show_filter(value):
    return f"Selected {value}"


@callback(
    Output({"type": "filter-count", "index": MATCH}, "children"),
    Input({"type": "filter", "index": MATCH}, "value"),
    State({"type": "filter", "index": ALLSMALLER}, "value"),
)
def count_previous(value, previous):
    return len(previous)


@callback(Output("summary", "children"), Input({"type": "filter", "index": ALL}, "value"))
def summarise(values):
    return ", ".join(v for v in values if v)


@callback(Output("summary", "children", allow_duplicate=True), Input("reset", "n_clicks"),
          prevent_initial_call=True)
def reset_summary(_):
    return ""


# Same allow_duplicate output and same Inputs: Dash keys both identically and keeps one.
@callback(Output("summary", "children", allow_duplicate=True), Input("reset", "n_clicks"),
          prevent_initial_call="initial_duplicate")
def reset_summary_again(_):
    return "reset"


@app.callback(
    output=dict(text=Output("log", "children")),
    inputs=dict(city=Input("city", "value")),
    state=dict(stored=State("store", "data", allow_optional=True)),
)
@functools.lru_cache(maxsize=32)
def describe_city(city, stored):
    return {"text": f"{city} ({stored})"}


@app.callback(
    Output("store", "data"),
    Output("graph", "figure"),
    State("store", "data"),
    Input("city", "value"),
)
async def load_city(stored, city):
    return {"city": city}, {"data": []}


@callback(Input("graph", "clickData"))
def log_click(click_data):
    set_props("log", {"children": str(click_data)})


# Two callbacks without Inputs or Outputs: Dash keys each by its call site.
@callback()
def warm_cache():
    set_props("log", {"children": "cache warmed"})


@callback()
def load_defaults():
    set_props("city", {"value": "Paris"})


@callback(
    Output("result", "children"),
    Input("run", "n_clicks"),
    background=True,
    running=[(Output("run", "disabled"), True, False), (Output("cancel", "disabled"), False, True)],
    cancel=Input("cancel", "n_clicks"),
    progress=[Output("progress", "value"), Output("progress", "max")],
    prevent_initial_call=True,
)
def slow_job(set_progress, n_clicks):
    for step in range(10):
        set_progress((str(step), "10"))
        time.sleep(0.1)
    return f"Ran {n_clicks} times"


clientside_callback(
    ClientsideFunction(namespace="charts", function_name="resize"),
    Output("graph", "style"),
    Input("store", "data"),
)

app.clientside_callback(
    """
    function(n_clicks) {
        return "Clicked " + n_clicks;
    }
    """,
    Output("title-sink", "children"),
    Input("run", "n_clicks"),
)

if __name__ == "__main__":
    app.run(debug=True)
