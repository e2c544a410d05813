"""Multi-page app (use_pages): a duplicate output and a cycle spread over two pages."""

import dash
from dash import Dash, dcc, html

app = Dash(__name__, use_pages=True, suppress_callback_exceptions=True)

app.layout = html.Div([dcc.Store(id="shared", data=0), dash.page_container])

if __name__ == "__main__":
    app.run(debug=True)
