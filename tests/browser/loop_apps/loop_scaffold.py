"""What every loop-shape app shares: its Dash app, its call counter and the cut at CAP calls."""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any, Callable

from dash import Dash, Input, Output, dcc, html
from dash.exceptions import PreventUpdate

CAP = 10  # a loop that would re-fire for ever is cut here, so the test stays bounded


def loop_app(name: str, children: list) -> tuple[Dash, Counter, Callable]:
    """The app of module ``name`` laid out as ``html.Div(children)``, the Counter its callbacks
    count their calls in (the browser test reads it as the module's ``CALLS``), and
    ``counted``: put under ``@app.callback``, it counts each call of the callback under its
    name (or ``counted("key")``) and raises PreventUpdate from the call past CAP on."""
    app = Dash(name)
    app.layout = html.Div(children)
    calls: Counter = Counter()

    def counted(func: Callable | str) -> Callable:
        if isinstance(func, str):
            return lambda inner: _count(inner, calls, func)
        return _count(func, calls, func.__name__)

    return app, calls, counted


def _count(func: Callable, calls: Counter, key: str) -> Callable:
    @functools.wraps(func)
    def counting(*args: Any) -> Any:
        calls[key] += 1
        if calls[key] > CAP:
            raise PreventUpdate
        return func(*args)

    return counting


def ring(*cells: str) -> list:
    """The "go" button that starts a ring and a Div holding 0 for each of ``cells``."""
    return [html.Button("go", id="go")] + [html.Div(0, id=cell) for cell in cells]


def configurator_app(name: str, buttons: int) -> tuple[Dash, Counter, Callable]:
    """``loop_app`` for the "configurator" shapes: one "set i" button per setter, the store
    they all write, and a Div with the callback that shows the store (not counted: how often
    it re-renders depends on response timing)."""
    app, calls, counted = loop_app(name, [html.Button(f"set {i}", id=f"btn{i}")
                                          for i in range(buttons)]
                                   + [dcc.Store(id="store", data=[]), html.Div(id="shown")])
    app.callback(Output("shown", "children"), Input("store", "data"),
                 prevent_initial_call=True)(_show)
    return app, calls, counted


def _show(data: list) -> str:
    return " ".join(map(str, data))
