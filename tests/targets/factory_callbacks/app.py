"""Callbacks one factory makes (same function, file and line) and named inline clientside JS."""

from dash import Dash, Input, Output, clientside_callback, dcc, html

STEPS = 4

app = Dash(__name__)
app.layout = html.Div(
    [html.Button("go", id="go"), html.H1(id="title")]
    + [dcc.Store(id=f"step-{i}") for i in range(STEPS + 1)]
)


def make_step(source: str, target: str) -> None:
    @app.callback(Output(target, "data"), Input(source, "data"), prevent_initial_call=True)
    def step(value):
        if value:
            return value + 1


for number in range(STEPS):
    make_step(f"step-{number}", f"step-{number + 1}")

clientside_callback(
    """
    function showTitle(count) {
        return "Step " + count;
    }
    """,
    Output("title", "children"),
    Input(f"step-{STEPS}", "data"),
    prevent_initial_call=True,
)
clientside_callback(
    "const startChain = (n) => n",
    Output("step-0", "data"),
    Input("go", "n_clicks"),
    prevent_initial_call=True,
)
