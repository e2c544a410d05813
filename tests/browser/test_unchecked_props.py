"""Where Dash 4.4.1's renderer checks a callback's property against its component (DASH071,
round 7 patterns 34 and 35): once, against the layout it hydrates. Content a callback
delivers later (a page) is never checked under ``suppress_callback_exceptions=True``:

- a placeholder ``html.Div(id="field")`` that a load callback replaces with
  ``dcc.Input(id="field")``: the ``value`` Input works once the Input is there;
- ``Input("data", "input")`` on a ``dcc.Store`` (no such prop): the callback runs once when
  the Store appears, with None, and no error is shown.

The same placeholder in the app's own layout is an "Invalid prop" error in the dev tools.
A router callback stands in for Dash Pages, whose ``page_container`` is filled the same way.
"""

from __future__ import annotations

from dash import Dash, Input, Output, dcc, html

DEV_TOOLS = {"debug": True, "dev_tools_ui": True, "dev_tools_hot_reload": False,
             "use_reloader": False}


def make_app(loads: list, in_shell: bool) -> Dash:
    app = Dash(__name__, suppress_callback_exceptions=True)
    placeholder = html.Div(html.Div(id="field"), id="box")
    app.layout = html.Div([dcc.Location(id="url"), *([placeholder] if in_shell else []),
                           html.Div(id="page")])

    @app.callback(Output("page", "children"), Input("url", "pathname"))
    def route(_pathname):
        return html.Div([*([] if in_shell else [placeholder]), dcc.Store(id="data"),
                         html.Div(id="loaded"), html.Div(id="echo")])

    @app.callback(Output("box", "children"), Input("url", "pathname"))
    def draw(_pathname):
        return dcc.Input(id="field", value="")

    @app.callback(Output("echo", "children"), Input("field", "value"),
                  prevent_initial_call=True)
    def echo(value):
        return f"typed {value}"

    @app.callback(Output("loaded", "children"), Input("data", "input"))
    def load(given):
        loads.append(given)
        return "loaded"

    return app


def test_a_page_placeholder_and_a_load_trigger_work_unchecked(dash_duo) -> None:
    loads: list = []
    dash_duo.start_server(make_app(loads, in_shell=False), **DEV_TOOLS)
    dash_duo.wait_for_text_to_equal("#loaded", "loaded")
    dash_duo.find_element("input#field").send_keys("abc")
    dash_duo.wait_for_text_to_equal("#echo", "typed abc")
    assert loads == [None]  # once, when the Store appeared, and never again
    assert dash_duo.find_elements(".test-devtools-error-count") == []


def test_the_same_placeholder_in_the_app_layout_is_an_invalid_prop_error(dash_duo) -> None:
    dash_duo.start_server(make_app([], in_shell=True), **DEV_TOOLS)
    dash_duo.wait_for_text_to_equal(".test-devtools-error-count", "1")
    dash_duo.find_element(".test-devtools-error-toggle").click()
    dash_duo.wait_for_contains_text(".dash-fe-error__title", "Invalid prop for this component")
