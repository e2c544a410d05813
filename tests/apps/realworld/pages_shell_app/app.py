"""Real-world Dash Pages shapes: a callback on dash.page_container's own location, html
data-*/aria-* props, the same id on two pages (fine), and an id ("status") that the app shell and
a page both hold: the page is rendered inside the shell, so that one is a duplicate (DASH072)."""
import dash
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__, use_pages=True)

app.layout = html.Div([
    html.Div(id="crumb", **{"data-page": "", "aria-label": "breadcrumb"}),
    html.Div(id="status"),
    dash.page_container,
])


@callback(Output("crumb", "children"), Output("crumb", "data-page"),
          Input("_pages_location", "pathname"))
def crumb(pathname):
    return pathname, pathname
