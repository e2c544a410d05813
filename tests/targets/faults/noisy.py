"""Prints megabytes to stdout and stderr at import, including text that looks like JSON."""

import sys

from dash import Dash, Input, Output, dcc, html

for _ in range(2000):
    print('{"ok": false, "kind": "noise"} ' + "x" * 1000)
    print("warning: " + "y" * 1000, file=sys.stderr)

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="word"), html.Div(id="echo")])


@app.callback(Output("echo", "children"), Input("word", "value"))
def echo(word):
    print(word)
    return word
