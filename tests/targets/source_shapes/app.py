"""Callbacks whose source text is awkward to cut out of the file (the probe's SourceIndex)."""

import functools

from dash import Dash, Input, Output, dcc, html

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="a"), html.Div(id="out-1"), html.Div(id="out-2"), html.Div(id="out-3"),
    html.Div(id="out-4"),
])


@app.callback(
    Output("out-1", "children"),
    Input("a", "value"),
)
def ends_with_a_string(value):
    text = """
first line of a string that starts
at column zero: END-STRING"""
    return text


@app.callback(Output("out-2", "children"), Input("a", "value"))
def ends_with_a_comment(value):
    return value
    # END-COMMENT: a trailing comment inside the body


@app.callback(Output("out-3", "children"), Input("a", "value"))
@functools.lru_cache(maxsize=4)
def ends_with_a_nested_function(value):
    def helper():
        return "END-NESTED"
    return helper


def make_callback():
    @app.callback(Output("out-4", "children"), Input("a", "value"))
    def inside_a_factory(value):
        return (
            value,
            "END-FACTORY",
        )
    return inside_a_factory


make_callback()
