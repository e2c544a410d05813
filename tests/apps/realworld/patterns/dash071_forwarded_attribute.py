"""FP pattern 38 (DASH071, round 8, aiml-dash ``app.py`` ``apply_text_direction``): a callback
writes a global HTML attribute (``dir``) to a component whose Python props do not list it.

dmc 2's ``Box`` passes unknown props through to its element and, being TypeScript, has no
propTypes for the renderer to check; under ``suppress_callback_exceptions=True`` the write
reaches the page (``<div id="root" dir="rtl">``, seen in Chromium with dmc 2.8.1). ``Box``
here is a stand-in with dmc's namespace and a short prop list (dmc is not a test dependency).

- ``rtl``: ``Output("root", "dir")``: no finding;
- ``value`` (the true positive beside it): ``Output("root", "value")`` is no HTML attribute,
  the write goes nowhere (round 7's ``ActionIcon.value`` shape): reported.
"""
from dash import Dash, Input, Output, callback, html
from dash.development.base_component import Component


class Box(Component):
    """A stand-in for ``dmc.Box``: its props as dmc declares them, no ``dir``."""

    _namespace = "dash_mantine_components"
    _type = "Box"
    _prop_names = ["children", "id", "className", "style"]
    _valid_wildcard_attributes: list[str] = []


app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = Box(children=[html.Button("RTL", id="b"), html.Button("Set", id="set")], id="root")


@callback(Output("root", "dir"), Input("b", "n_clicks"), prevent_initial_call=True)
def rtl(_):
    return "rtl"


@callback(Output("root", "value"), Input("set", "n_clicks"), prevent_initial_call=True)
def value(n):
    return n
