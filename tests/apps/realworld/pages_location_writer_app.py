"""Real-world shape (tds-alerts, round 9A): a Pages app whose own callback writes Dash's
`_pages_location.pathname` (an access-control redirect). Dash serves three callbacks: its router,
its title callback and the app's redirect; only the redirect is the app's."""
import dash
from dash import Dash, Input, Output, html

app = Dash(__name__, use_pages=True, pages_folder="")
dash.register_page("home", path="/", layout=html.Div("home"))
dash.register_page("admin", path="/admin", layout=html.Div("admin"))
app.layout = html.Div([dash.page_container])


@app.callback(Output("_pages_location", "pathname"), Input("_pages_location", "pathname"),
              prevent_initial_call=True)
def keep_out_of_admin(pathname):
    return "/" if pathname == "/admin" else dash.no_update
