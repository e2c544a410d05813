"""Fixture: ``config_prevent_initial_callbacks=True`` passed to ``@dash.callback`` (DASH010, DASH012).

``dash.callback`` pops that keyword and uses it when ``prevent_initial_call`` is not given
(dash/_callback.py), so Dash tells the renderer to skip the initial call of both callbacks.
"""

from dash import Dash, Input, Output, State, callback, html

app = Dash(__name__)
app.layout = html.Div([html.Button("Save", id="save"), html.Div(id="saved"),
                       html.Div("Ada", id="name"), html.Div(id="greeting")])


@callback(Output("saved", "children"), Input("save", "n_clicks"),
          config_prevent_initial_callbacks=True)
def save(n_clicks):  # clean: never called on load
    return f"saved ({n_clicks})"


@callback(Output("greeting", "children"), State("name", "children"),
          config_prevent_initial_callbacks=True)
def greet_never(name):  # bad: no Inputs and its only call is prevented
    return f"Hello {name}"
