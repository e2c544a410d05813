"""DASH070/DASH080 clean case: components created by callbacks, under suppress_callback_exceptions."""

from dash import MATCH, Dash, Input, Output, State, callback, dcc, html

app = Dash(__name__, suppress_callback_exceptions=True)

app.layout = html.Div(
    [
        dcc.Tabs(id="tabs", value="chart", children=[dcc.Tab(label="Chart", value="chart"),
                                                     dcc.Tab(label="Table", value="table")]),
        html.Div(id="tab-content"),
    ]
)


@callback(Output("tab-content", "children"), Input("tabs", "value"))
def render_tab(tab):
    if tab == "chart":
        return html.Div([dcc.Input(id="chart-title"), html.H3(id="chart-heading"),
                         html.Button("Go", id={"type": "go", "index": 1}),
                         html.Div(id={"type": "go-output", "index": 1})])
    return html.Div([html.Button("Export", id="export"), html.Div(id="export-status")])


@callback(Output("chart-heading", "children"), Input("chart-title", "value"))
def show_title(title):
    return title or "Untitled"


@callback(Output("export-status", "children"), Input("export", "n_clicks"),
          running=[(Output("export", "disabled"), True, False)], prevent_initial_call=True)
def export(n_clicks):
    return f"exported {n_clicks}"


@callback(Output({"type": "go-output", "index": MATCH}, "children"),
          Input({"type": "go", "index": MATCH}, "n_clicks"),
          State({"type": "go", "index": MATCH}, "id"), prevent_initial_call=True)
def go(n_clicks, component_id):
    return f"{component_id['index']}: {n_clicks}"
