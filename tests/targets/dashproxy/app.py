"""A dash-extensions DashProxy app: its callbacks reach Dash only during server setup."""

from dash_extensions.enrich import DashProxy, Input, Output, html, dcc

app = DashProxy(__name__)

app.layout = html.Div(
    [
        dcc.Input(id="name"),
        html.Div(id="greeting"),
        html.Div(id="greeting"),  # duplicate id: Dash's setup raises DuplicateIdError
    ]
)


@app.callback(Output("greeting", "children"), Input("name", "value"))
def greet(name):
    return f"Hello {name}"


app.clientside_callback(
    "function(name) { return name ? name.length : 0; }",
    Output("name", "title"),
    Input("name", "value"),
)
