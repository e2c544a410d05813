"""Live plugin fixture: page-load chain, a click chain, PreventUpdate, an error, a loop, a never-called callback."""

from __future__ import annotations

from collections import Counter

from dash import Dash, Input, Output, html, set_props
from dash.exceptions import PreventUpdate

LOOP_CAP = 6  # the loop's two callbacks each fire this often for one click, then stop


def make_app(**dash_kwargs) -> Dash:
    """A fresh app (its own counters); ``dash_kwargs`` go to ``Dash`` (``plugins=[...]``)."""
    calls: Counter = Counter()
    app = Dash(__name__, **dash_kwargs)
    app.layout = html.Div([
        html.Div("world", id="name"),
        html.Div(id="greeting"), html.Div(id="shout"),
        html.Button("go", id="go"), html.Div(id="step1"), html.Div(id="step2"),
        html.Button("halt", id="halt"), html.Div("untouched", id="halted"),
        html.Button("boom", id="boom"), html.Div(id="boomed"),
        html.Button("loop", id="loop"), html.Div(0, id="ping"), html.Div(0, id="pong"),
        html.Button("never", id="never"), html.Div(id="nevered"),
    ])

    @app.callback(Output("greeting", "children"), Input("name", "children"))
    def greet(name):  # runs on page load
        return f"hello {name}"

    @app.callback(Output("shout", "children"), Input("greeting", "children"))
    def shout(greeting):  # runs on page load too, after greet (a chain)
        return str(greeting).upper()

    @app.callback(Output("step1", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def first(clicks):
        return f"step {clicks}"

    @app.callback(Output("step2", "children"), Input("step1", "children"),
                  prevent_initial_call=True)
    def second(step):
        return f"then {step}"

    @app.callback(Output("halted", "children"), Input("halt", "n_clicks"),
                  prevent_initial_call=True)
    def halt(_clicks):
        raise PreventUpdate

    @app.callback(Output("boomed", "children"), Input("boom", "n_clicks"),
                  prevent_initial_call=True)
    def boom(clicks):
        return clicks / 0

    @app.callback(Output("pong", "children"), Input("loop", "n_clicks"),
                  Input("ping", "children"), prevent_initial_call=True)
    def ping(_clicks, value):
        calls["ping"] += 1
        if calls["ping"] > LOOP_CAP:
            raise PreventUpdate
        return int(value) + 1

    # closed by set_props: Dash 4.4.1's renderer re-fires such a loop until it stops itself
    # (one closed by an Output fires once per click; tests/browser/test_loop_shapes.py)
    @app.callback(Input("pong", "children"), prevent_initial_call=True)
    def pong(value):
        calls["pong"] += 1
        if calls["pong"] > LOOP_CAP:
            raise PreventUpdate
        set_props("ping", {"children": int(value) + 1})

    @app.callback(Output("nevered", "children"), Input("never", "n_clicks"),
                  prevent_initial_call=True)
    def never(clicks):  # never clicked in the tests: the overlay's "never called"
        return clicks

    return app


app = make_app()
