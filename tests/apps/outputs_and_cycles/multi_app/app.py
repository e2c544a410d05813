"""Two Dash instances in one process writing the same property ids: they never clash."""

from dash import Dash, Input, Output, html


def make_app(name: str) -> Dash:
    instance = Dash(name)
    instance.layout = html.Div([html.Button(id="go", n_clicks=0), html.Div(id="out")])

    @instance.callback(Output("out", "children"), Input("go", "n_clicks"))
    def show(n_clicks):
        return n_clicks

    return instance


app = make_app("main")
admin = {"app": make_app("admin")}

if __name__ == "__main__":
    app.run(debug=True)
