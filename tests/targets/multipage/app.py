"""A multi-page Dash app (use_pages=True): the pages register their own callbacks."""

import dash
from dash import Dash, Input, Output, dcc, html

app = Dash(__name__, use_pages=True, suppress_callback_exceptions=True)

app.layout = html.Div(
    [
        html.H1("Sales"),
        html.Div([dcc.Link(page["name"], href=page["relative_path"]) for page in dash.page_registry.values()]),
        dcc.Store(id="session", storage_type="session"),
        dash.page_container,
    ]
)


@app.callback(Output("session", "data"), Input("region", "value"))
def remember_region(region):
    return {"region": region}


if __name__ == "__main__":
    app.run(debug=True)
