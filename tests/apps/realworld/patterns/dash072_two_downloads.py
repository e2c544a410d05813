"""Pattern 36 (DASH072), as in fredvol/fishpy3d (``app_components_3d.py``): a helper called
for two slider groups builds every id from its argument except its ``dcc.Download``, so the
page has two Downloads with one id, written by one callback. The renderer hands the data to
one of them and one Download is all a download needs: no finding. A Store read under a
shared id (``saved``) is still reported.
"""
import dash
from dash import Dash, Input, Output, State, callback, dcc, html

app = Dash(__name__, use_pages=True, pages_folder="")


def sliders(index):
    return html.Div([dcc.Slider(0, 10, id=f"fk-{index}"), html.Button("Export", id=f"export-{index}"),
                     dcc.Download(id="download-fk1"), dcc.Store(id="saved")])


dash.register_page("fk", path="/", layout=html.Div([sliders(0), sliders(1)]))
app.layout = html.Div([dash.page_container])


@callback(Output("download-fk1", "data"), Input("export-0", "n_clicks"),
          Input("export-1", "n_clicks"), State("saved", "data"), prevent_initial_call=True)
def download_fk(first, second, saved):
    return {"content": str(saved), "filename": "fk.txt"}
