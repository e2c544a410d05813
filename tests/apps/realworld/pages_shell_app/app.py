"""Real-world Dash Pages shapes: a callback on dash.page_container's own location, html
data-*/aria-* props, the same id on two pages (fine), and ids that the app shell and a page both
hold: the page is rendered inside the shell, so "status", which the breadcrumb's
aria-describedby names, is a duplicate that matters (DASH072); "logo", which nothing names, is
not reported."""
import dash
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__, use_pages=True)

app.layout = html.Div([
    html.Div(id="crumb", **{"data-page": "", "aria-label": "breadcrumb",
                            "aria-describedby": "status"}),
    html.Div(id="status"),
    html.Img(id="logo"),
    dash.page_container,
])


@callback(Output("crumb", "children"), Output("crumb", "data-page"),
          Input("_pages_location", "pathname"))
def crumb(pathname):
    return pathname, pathname
