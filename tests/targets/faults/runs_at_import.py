"""Starts its server at import, without a __main__ guard (and through Flask too)."""

from dash import Dash, Input, Output, dcc, html

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="word"), html.Div(id="echo")])


@app.callback(Output("echo", "children"), Input("word", "value"))
def echo(word):
    return word


app.run(debug=True, port=8050)
app.server.run(port=8051)
