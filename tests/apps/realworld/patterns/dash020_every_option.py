"""FP pattern (DASH020): an if/elif over every value a control can hold.

A radio group and tabs cannot be cleared, start on one of their options, and no callback
changes those options: a chain naming every option always takes a branch. Seen in
Ciampitti-Lab/AVYield (``dmc.SegmentedControl`` ``filter-opt``) and
jaskeerat8/Chatstat-Plotly-Dashboard (``dmc.Tabs``), where the controls sit in pages a router
inserts (unseen by the probe); here they are in the layout.
"""
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)
app.layout = html.Div([
    dcc.RadioItems(id="filter", value="genotype",
                   options=[{"label": "Genotype", "value": "genotype"},
                            {"label": "Year", "value": "year"}]),
    html.Div(id="choice"),
    dcc.Tabs(id="tabs", value="generate", children=[
        dcc.Tab(label="New", value="generate"), dcc.Tab(label="Saved", value="saved")]),
    html.Div(id="tab-content"), html.Div(id="title"),
    dcc.RadioItems(["a", "b", "c"], "a", id="partly"),
    html.Div(id="partly-out"), html.Div(id="partly-note"),
])


@callback(Output("choice", "children"), Output("choice", "title"), Input("filter", "value"))
def options(filter):
    if filter == "genotype":
        return "years", "Genotype"
    elif filter == "year":
        return "names", "Year"


@callback(Output("tab-content", "children"), Output("title", "children"), Input("tabs", "value"))
def tab_content(tab):
    if tab == "generate":
        return "form", "New Report"
    elif tab == "saved":
        return "list", "Saved Reports"


@callback(Output("partly-out", "children"), Output("partly-note", "children"),
          Input("partly", "value"))
def partly(value):  # a true positive: "c" falls off the end
    if value == "a":
        return "A", ""
    elif value == "b":
        return "B", ""
