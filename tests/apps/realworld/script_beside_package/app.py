"""A script named like the package beside it: `python app.py` imports the package as `app`
(the script itself runs as __main__), as round 10's cafe-neo does."""

from dash import Dash, Input, Output, html

from app.callbacks import register

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="go"), html.Div(id="out"), html.H1(id="title")])
register(app)


@app.callback(Output("title", "children"), Input("out", "children"), prevent_initial_call=True)
def echo(text):
    return text

if __name__ == "__main__":
    app.run(debug=True)
