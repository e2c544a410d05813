"""What Dash 4.4.1 does with a click-counter callback whose other Input is a hidden
``html.Div``'s ``children`` (DASH030, round 5 pattern 25, mlabecki/portfolio_analytics).

Nothing writes the Div, and an ``html`` component sets no property of its own but
``n_clicks``: the callback runs once with the layout (the counter is new, 0) and then only on
clicks, so ``if n:`` without ``ctx.triggered_id`` is right. Once a callback writes the Div, a
later change runs the "clicked" branch again with the old count: the true positive the rule
keeps.
"""

from __future__ import annotations

import time

from dash import Dash, Input, Output, State, ctx, dcc, html


def wait_for_calls(calls: list, count: int, limit: float = 5.0) -> None:
    """Until the callback has been called ``count`` times, then a moment for strays."""
    start = time.monotonic()
    while len(calls) < count:
        assert time.monotonic() - start < limit, f"{len(calls)} calls after {limit}s"
        time.sleep(0.05)
    time.sleep(0.3)


def make_app(calls: list, renamed: bool) -> Dash:
    """A table's toggle: hidden title Div + button count -> button label + table visibility.
    With ``renamed``, a text input writes the title Div (so it changes after load)."""
    app = Dash(__name__)
    app.layout = html.Div([
        html.Div("AI ETFs", id="title", hidden=True),
        html.Button(id="button", n_clicks=0),
        html.Div("the table", id="table", hidden=True),
        dcc.Input(id="rename", value="AI ETFs"),
    ])

    @app.callback(Output("button", "children"), Output("table", "hidden"),
                  Input("title", "children"), Input("button", "n_clicks"),
                  State("table", "hidden"))
    def toggle(title, n, hidden):
        calls.append((ctx.triggered_id, n))
        if n:
            return title, not hidden
        return title, hidden

    if renamed:
        @app.callback(Output("title", "children"), Input("rename", "value"),
                      prevent_initial_call=True)
        def rename(value):
            return value

    return app


def table_shown(dash_duo) -> bool:
    return dash_duo.find_element("#table").is_displayed()


def test_a_title_only_the_layout_sets_fires_once_then_every_call_is_a_click(dash_duo):
    calls: list = []
    dash_duo.start_server(make_app(calls, renamed=False))
    wait_for_calls(calls, 1)
    assert calls == [(None, 0)]  # the layout's call: the counter is new
    shown = []
    for count in (2, 3, 4):
        dash_duo.find_element("#button").click()
        wait_for_calls(calls, count)
        shown.append(table_shown(dash_duo))
    assert calls[1:] == [("button", 1), ("button", 2), ("button", 3)]
    assert shown == [True, False, True]  # each click flips it, `if n:` is right


def test_a_title_a_callback_writes_reruns_the_click_branch(dash_duo):
    calls: list = []
    dash_duo.start_server(make_app(calls, renamed=True))
    wait_for_calls(calls, 1)
    dash_duo.find_element("#button").click()
    wait_for_calls(calls, 2)
    assert table_shown(dash_duo)
    dash_duo.find_element("#rename").send_keys("!")  # no click: only the title changed
    wait_for_calls(calls, 3)
    assert calls[2] == ("title", 1)  # the old count, read as a click
    assert not table_shown(dash_duo)  # the table closed though nobody clicked
