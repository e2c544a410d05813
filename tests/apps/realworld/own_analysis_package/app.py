"""An app whose project also holds a package named `analysis`, like the linter's own."""

from dash import Dash, Input, Output, html

import analysis  # noqa: F401  (the project's package, not the linter)

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="go"), html.Div(id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def clicked(n_clicks):
    return f"clicked {n_clicks} times"
