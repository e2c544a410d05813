"""What Dash 4.4.1 and the browser do with a duplicate component id in a layout a callback
returns (a router's page), the evidence for DASH072 (issue 11).

Dash's only duplicate-id check is Python's ``validate_layout`` on ``app.layout`` at server
setup (``tests/rules/test_dash072.py`` asserts it); the renderer checks nothing. What breaks is
what refers to the id: callbacks and ``<label for>`` reach one copy only. Asserted exactly, so a
Dash upgrade that changes it fails here and points at the rule.
"""

from __future__ import annotations

import re
import time

from dash import Dash, Input, Output, dcc, html

#: The redux error state: what the dev-tools overlay lists.
ERRORS_JS = """
var e = window.store.getState().error;
return {front: e.frontEnd.map(x => x.error.message), back: e.backEnd.map(x => x.error.message)};
"""
#: Which of the elements with id "email" has focus (-1: none), after a label click.
FOCUSED_JS = """
var copies = Array.from(document.querySelectorAll('[id="email"]'));
return [copies.map(e => e.tagName), copies.indexOf(document.activeElement)];
"""
#: React's warning for two siblings with one key, ending in the key.
SAME_KEY = re.compile(r'Encountered two children with the same key.*?%s" "([^"]+)"', re.S)


def duplicate_keys(logs: list[dict]) -> list[str]:
    """The keys of React's same-key warnings; an AssertionError for any other console entry."""
    keys = []
    for entry in logs:
        match = SAME_KEY.search(entry["message"])
        assert match, entry["message"][:400]
        keys.append(match.group(1))
    return keys


def wait_for_calls(calls: list, count: int, limit: float = 5.0) -> None:
    """Until the callback has been called ``count`` times."""
    start = time.monotonic()
    while len(calls) < count:
        assert time.monotonic() - start < limit, f"{len(calls)} calls after {limit}s"
        time.sleep(0.05)


def make_router_app(calls: list) -> Dash:
    """``app.layout`` is clean; the router callback returns a page with three duplicated ids:
    a button and a text a callback use, an input two labels point at, and an icon nothing
    refers to. Like every router app, it suppresses callback exceptions: the page's ids are
    not in ``app.layout``."""
    app = Dash(__name__, suppress_callback_exceptions=True)
    app.layout = html.Div([dcc.Location(id="url"), html.Div(id="page")])

    @app.callback(Output("page", "children"), Input("url", "pathname"))
    def route(_pathname):
        return html.Div([
            html.Button("first", id="dup-button", className="first-button"),
            html.Div("first target", id="dup-target", className="first-target"),
            html.Button("second", id="dup-button", className="second-button"),
            html.Div("second target", id="dup-target", className="second-target"),
            html.Label("Email", htmlFor="email", className="first-label"),
            dcc.Input(id="email"),
            html.Label("Email", htmlFor="email", className="second-label"),
            dcc.Input(id="email"),
            html.Div(html.Span("@", id="icon")),  # each copy in its own group, as a
            html.Div(html.Span("@", id="icon")),  # template's input groups have them
            html.Div("page ready", id="ready"),
        ])

    @app.callback(Output("dup-target", "children"), Input("dup-button", "n_clicks"),
                  prevent_initial_call=True)
    def clicked(n_clicks):
        calls.append(n_clicks)
        return f"clicked {n_clicks}"

    return app


def test_a_duplicate_in_a_callback_layout_raises_nothing_and_reaches_one_copy(dash_duo) -> None:
    calls: list = []
    dash_duo.start_server(make_router_app(calls), debug=True, dev_tools_ui=True,
                          dev_tools_hot_reload=False, use_reloader=False)
    dash_duo.wait_for_text_to_equal("#ready", "page ready")
    assert len(dash_duo.find_elements("#dup-button")) == 2  # both copies are rendered

    # (a) No Dash error: the dev-tools overlay stays empty (no "Duplicate component id").
    assert dash_duo.driver.execute_script(ERRORS_JS) == {"front": [], "back": []}
    assert dash_duo.find_elements(".dash-fe-error__title") == []
    # The console has only React's development-build warning for copies that are siblings (the
    # renderer keys children by id): it may "duplicate and/or omit" them when the list
    # changes. Copies in different parents (the icons) draw no warning.
    assert sorted(duplicate_keys(dash_duo.get_logs())) == ["dup-button", "dup-target", "email"]

    # (b) A click on EITHER copy fires the callback, but the renderer indexes an id at the
    # last copy it walked: the callback is given the last button's n_clicks, whichever was
    # clicked, and its Output lands on the last target only.
    observed = []
    for button in (".first-button", ".first-button", ".second-button", ".first-button"):
        dash_duo.find_element(button).click()
        wait_for_calls(calls, len(observed) + 1)
        dash_duo.wait_for_text_to_equal(".second-target", f"clicked {calls[-1]}")
        observed.append((button, calls[-1], dash_duo.find_element(".first-target").text,
                         dash_duo.find_element(".second-target").text))
    assert observed == [
        (".first-button", None, "first target", "clicked None"),  # its own 1 is not sent
        (".first-button", None, "first target", "clicked None"),
        (".second-button", 1, "first target", "clicked 1"),
        (".first-button", 1, "first target", "clicked 1"),  # its own 3 is not sent either
    ]

    # The browser's own id references go to the FIRST copy: the second label focuses the first
    # input (what the two sign-in/sign-out modals of dash-flightdeck do to their users).
    dash_duo.find_element(".second-label").click()
    assert dash_duo.driver.execute_script(FOCUSED_JS) == [["INPUT", "INPUT"], 0]

    assert dash_duo.driver.execute_script(ERRORS_JS) == {"front": [], "back": []}
