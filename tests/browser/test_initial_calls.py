"""What Dash's renderer does on page load, which DASH010/DASH012 reason from (Dash's own behaviour)."""

from __future__ import annotations

import dash
from dash import Dash, Input, Output, State, dcc, html
from dash.testing.wait import until


def make_initial_calls_app() -> Dash:
    """One app, each callback showing the arguments of its first call (or staying untouched)."""
    app = Dash(__name__)
    app.layout = html.Div([
        html.Button("Save", id="save"),
        html.Button("Other", id="other"),
        html.Button("Next", id="next", n_clicks=0),
        dcc.Checklist(["a", "b"], id="pick"),
        dcc.Input(id="word"),
        html.Div("untouched", id="prevented"),
        html.Div("untouched", id="default"),
        html.Div("untouched", id="figure"),
        html.Div("untouched", id="states"),
    ])

    # dash.callback (registered without an app, taken up by the app's first request): the
    # keyword is Dash's own way to prevent the initial call of one global callback.
    @dash.callback(Output("prevented", "children"), Input("save", "n_clicks"),
                   config_prevent_initial_callbacks=True)
    def prevented(n_clicks):
        return f"called with {n_clicks}"

    @dash.callback(Output("default", "children"), Input("other", "n_clicks"))
    def default(n_clicks):
        return f"called with {n_clicks}"

    @dash.callback(Output("figure", "children"), Input("next", "n_clicks"))
    def figure(n_clicks):
        return f"Figure {n_clicks + 1}"

    @dash.callback(Output("states", "children"), Input("other", "n_clicks"),
                   State("pick", "value"), State("word", "value"), State("word", "type"))
    def states(_, picked, word, kind):  # dcc.Input's own default type is "text"
        return f"{picked!r} {word!r} {kind!r}"

    return app


def test_initial_calls_follow_what_dash_sends_the_renderer(dash_duo) -> None:
    dash_duo.start_server(make_initial_calls_app())
    # Without any setting a callback fired only by a click runs on load, with None.
    dash_duo.wait_for_text_to_equal("#default", "called with None")
    # A count the layout gives is what the first call renders from (DASH010 keeps quiet).
    dash_duo.wait_for_text_to_equal("#figure", "Figure 1")
    # A prop the layout does not give arrives as None, whatever the component's own default.
    dash_duo.wait_for_text_to_equal("#states", "None None None")
    # config_prevent_initial_callbacks=True on @dash.callback: no call on load (the renderer
    # requests every initial call at once, so the ones above answered means it sent none) ...
    assert dash_duo.find_element("#prevented").text == "untouched"
    # ... until the click.
    dash_duo.find_element("#save").click()
    dash_duo.wait_for_text_to_equal("#prevented", "called with 1")
    assert dash_duo.get_logs() == [], "the browser console logged errors"


def make_javascript_default_app() -> Dash:
    """A dbc.Toast whose is_open the layout leaves out, written True by a load call, beside an
    untouched one (dbc-docs' ``open_toast``, docs/realworld.md)."""
    import dash_bootstrap_components as dbc

    app = Dash(__name__)
    app.layout = html.Div([
        html.Button("Show", id="show"),
        dbc.Toast("Hello", id="toast", header="Note"),
        dbc.Toast("Hello", id="untouched", header="Note"),
        html.Div("untouched", id="witness"),
    ])

    @app.callback(Output("toast", "is_open"), Input("show", "n_clicks"))
    def reopen(_):
        return True

    @app.callback(Output("witness", "children"), Input("show", "n_clicks"))
    def witness(n_clicks):
        return f"called with {n_clicks}"

    return app


#: The toast's is_open in the renderer's store, found through the store's own id -> path map.
TOAST_IS_OPEN = """
const state = window.store.getState();
let node = state.layout;
for (const key of state.paths.strs["toast"]) { node = node[key]; }
return node.props.is_open;
"""


def test_writing_a_javascript_default_on_load_changes_nothing(dash_duo) -> None:
    """What DASH010's 'the load call writes what is there' reads from component_defaults."""
    dash_duo.start_server(make_javascript_default_app())
    dash_duo.wait_for_text_to_equal("#witness", "called with None")
    # The load call does write True into the store (the layout had no is_open) ...
    until(lambda: dash_duo.driver.execute_script(TOAST_IS_OPEN) is True, 4)
    # ... and the toast looks exactly like the one the layout leaves at its default: open.
    toast, untouched = dash_duo.find_element("#toast"), dash_duo.find_element("#untouched")
    assert toast.is_displayed() and untouched.is_displayed()
    assert toast.get_attribute("class") == untouched.get_attribute("class")
    assert "show" in toast.get_attribute("class").split()
    assert dash_duo.get_logs() == [], "the browser console logged errors"
