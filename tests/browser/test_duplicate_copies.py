"""Which copy of a duplicated id Dash 4.4.1's renderer uses, in the two shapes of virus-sim
(DASH072, issue 11): the renderer's id map keeps the last copy in document order
(``computePaths`` walks a parent before its children, so of two nested copies the inner one).

- nested containers sharing the id a callback writes: the write lands in the inner one, inside
  the outer, whose other children stay: as if the outer had no id;
- a button sharing its id with a ``dcc.Download`` after it: a click on the button fires the
  callback, which is given the Download's ``n_clicks`` (None), and its ``data`` reaches the
  Download.
"""

from __future__ import annotations

from dash import Dash, Input, Output, dcc, html
from dash.testing.wait import until

#: The type and props of the component the renderer's id map names for ``id``.
MAPPED_JS = """
var state = window.store.getState();
var path = state.paths.strs[arguments[0]];
var node = path.reduce(function (o, k) { return o[k]; }, state.layout);
return [node.type, node.props.data ? node.props.data.filename : null];
"""


def make_app(calls: list) -> Dash:
    # Dash refuses a duplicate in app.layout itself: the page comes from a router callback.
    app = Dash(__name__, suppress_callback_exceptions=True)
    app.layout = html.Div([dcc.Location(id="url"), html.Div(id="page")])

    @app.callback(Output("page", "children"), Input("url", "pathname"))
    def route(_pathname):
        return html.Div([
            html.Div([
                html.H3("Fitting results", id="title"),
                html.Div(html.P("no results yet", id="placeholder"), id="results",
                         className="inner"),
            ], id="results", className="outer"),
            html.Button("Fit", id="fit"),
            html.Button("Download", id="cfg", className="download-button"),
            dcc.Download(id="cfg"),
        ])

    @app.callback(Output("results", "children"), Input("fit", "n_clicks"),
                  prevent_initial_call=True)
    def show(n_clicks):
        return html.P(f"fitted {n_clicks}", id="fitted")

    @app.callback(Output("cfg", "data"), Input("cfg", "n_clicks"), prevent_initial_call=True)
    def download(n_clicks):
        calls.append(n_clicks)
        return {"content": "a,b", "filename": "config.csv"}

    return app


def test_callbacks_reach_the_last_copy_the_inner_one_when_nested(dash_duo) -> None:
    calls: list = []
    dash_duo.start_server(make_app(calls))
    dash_duo.wait_for_text_to_equal("#placeholder", "no results yet")

    dash_duo.find_element("#fit").click()
    dash_duo.wait_for_text_to_equal("#fitted", "fitted 1")
    outer = dash_duo.find_element(".outer")
    # the write replaced the inner copy's children; the outer copy keeps its title
    assert [e.get_attribute("class") for e in dash_duo.find_elements('[id="results"]')] == [
        "outer", "inner"]
    assert outer.find_element("css selector", "#title").text == "Fitting results"
    assert dash_duo.find_element(".inner").text == "fitted 1"
    assert dash_duo.find_elements("#placeholder") == []

    assert dash_duo.driver.execute_script(MAPPED_JS, "cfg") == ["Download", None]
    dash_duo.find_element(".download-button").click()
    until(lambda: calls, timeout=5)  # the click fires the callback...
    assert calls == [None]  # ...with the Download's n_clicks, not the button's 1
    until(lambda: dash_duo.driver.execute_script(MAPPED_JS, "cfg")[1], timeout=5)
    assert dash_duo.driver.execute_script(MAPPED_JS, "cfg") == ["Download", "config.csv"]
