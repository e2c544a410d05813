"""FP pattern (DASH020): falling off the end into ``dcc.Download.data``.

The component starts a download only for truthy data (its ``componentDidUpdate``), so the
None written when there is nothing to export is no download and no error
(tests/browser/test_dash020_renderer.py). Seen in lolfig/cuban_fx_app
(callback/page_dashboard/slot_temporal_series.py), where the Download is created by a
callback, so only ``dcc.send_bytes`` on the other path says it is one.
"""
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Export", id="export"), dcc.Download(id="download"),
    html.Button("Later", id="later"), html.Div(id="slot"), html.Button("Fill", id="fill"),
])
ROWS: tuple[str, ...] = ()


@callback(Output("download", "data"), Input("export", "n_clicks"), prevent_initial_call=True)
def export(_):
    if ROWS:
        return dcc.send_string("\n".join(ROWS), "rows.txt")


@callback(Output("slot", "children"), Input("fill", "n_clicks"), prevent_initial_call=True)
def fill(_):
    return dcc.Download(id="later-download")


@callback(Output("later-download", "data"), Input("later", "n_clicks"), prevent_initial_call=True)
def export_later(_):
    if ROWS:
        return dcc.send_bytes(b"\n".join(r.encode() for r in ROWS), "rows.txt")
