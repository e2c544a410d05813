"""FP pattern (DASH041): each looped Output gets its own Input back, or a constant reset.

``paginate`` shows a page of the report while the modal is open and resets the pager to 1
when it closes (jaskeerat8/Chatstat-Plotly-Dashboard); ``crop_options`` echoes the
dropdown's own ``data``/``value`` unless a Store says to add or drop the "Custom" option
(Ciampitti-Lab/AVYield). The result depends on the values, not on which Input fired.
"""
from dash import Dash, Input, Output, State, callback, dcc, html

CROPS = ["Corn", "Wheat"]

app = Dash(__name__)
app.layout = html.Div([
    dcc.Checklist(["open"], [], id="modal"),
    html.Div(id="pages"),
    dcc.Slider(1, 5, 1, value=1, id="pager"),
    dcc.Store(id="chunks", data=["a", "b"]),
    dcc.Store(id="custom"),
    dcc.Dropdown(CROPS, "Corn", id="crops"),
    dcc.Store(id="crop-list", data=CROPS),
])


@callback(Output("pages", "children"), Output("pager", "max"), Output("pager", "value"),
          Input("modal", "value"), Input("pager", "value"), State("chunks", "data"))
def paginate(opened, page, chunks):
    if opened:
        return chunks[page - 1], len(chunks), page
    return "", 1, 1


@callback(Output("crop-list", "data"), Output("crops", "value"),
          Input("custom", "data"), Input("crop-list", "data"), Input("crops", "value"))
def crop_options(custom, crops, crop):
    if custom is not None:
        if "Custom" not in crops:
            extended = crops + ["Custom"]
            return extended, "Custom"
        return crops, crop
    elif "Custom" in crops:
        return list(CROPS), CROPS[0]
    return crops, crop
