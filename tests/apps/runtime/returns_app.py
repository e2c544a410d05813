"""Fixture: what callbacks return (DASH020 returns-none, DASH050 no-output-returns)."""

import logging

from dash import Dash, Input, Output, State, html, no_update, set_props
from dash.exceptions import PreventUpdate

log = logging.getLogger(__name__)
app = Dash(__name__)
app.layout = html.Div(
    [html.Div(id=f"in{i}") for i in range(20)] + [html.Div(id=f"out{i}") for i in range(20)]
)


def compute(value):
    return f"<{value}>"


# --- DASH020 bad ---------------------------------------------------------------------------
@app.callback(Output("out0", "children"), Input("in0", "children"))
def if_without_else(value):
    if value:
        return compute(value)


@app.callback(Output("out1", "children"), Input("in1", "children"))
def bare_return(value):
    if not value:
        return
    return compute(value)


@app.callback(Output("out2", "children"), Output("out3", "children"), Input("in2", "children"))
def explicit_none(value):
    if value is None:
        return None
    return compute(value), value


@app.callback(Output("out4", "children"), Input("in3", "children"))
def except_only_logs(value):
    try:
        return compute(value)
    except ValueError:
        log.exception("bad value")


@app.callback(Output("out5", "children"), Input("in4", "children"))
def match_without_default(value):
    match value:
        case "a":
            return "A"
        case "b":
            return "B"


# --- DASH020 clean -------------------------------------------------------------------------
@app.callback(Output("out6", "children"), Input("in5", "children"))
def prevent_update_path(value):
    if not value:
        raise PreventUpdate
    return compute(value)


@app.callback(Output("out7", "children"), Output("out8", "children"), Input("in6", "children"))
def no_update_path(value):
    if not value:
        return no_update, no_update
    return compute(value), None  # a None element clears one output on purpose


@app.callback(Output("out9", "children"), Input("in7", "children"))
def every_path_raises(value):
    raise PreventUpdate


@app.callback(Output("out10", "children"), Input("in8", "children"))
def loop_forever_until_return(value):
    attempt = 0
    while True:
        attempt += 1
        if attempt > 3:
            return compute(value)


@app.callback(Output("out11", "children"), Input("in9", "children"))
def match_with_default(value):
    match value:
        case "a":
            return "A"
        case _:
            return "other"


@app.callback(Output("out12", "children"), Input("in10", "children"))
def try_except_reraise(value):
    try:
        result = compute(value)
    except ValueError as exc:
        raise PreventUpdate from exc
    else:
        return result
    finally:
        log.debug("done")


@app.callback(Output("out13", "children"), Input("in11", "children"))
def if_elif_else(value):
    if value == 1:
        return "one"
    elif value == 2:
        return "two"
    else:
        return "many"


@app.callback(Output("out14", "children"), Input("in12", "children"))
def for_else_returns(values):
    for value in values or []:
        if value:
            return compute(value)
    else:
        raise PreventUpdate


# --- DASH050 -------------------------------------------------------------------------------
@app.callback(Input("in13", "children"), State("in14", "children"))
def side_effect_returns_text(value, extra):  # bad
    set_props("out15", {"children": value})
    return "saved"


@app.callback(Input("in15", "children"))
def side_effect_returns_no_update(value):  # bad: Dash raises on no_update too
    if not value:
        return no_update
    set_props("out16", {"children": value})


@app.callback(Input("in16", "children"))
def side_effect_clean(value):  # clean
    if not value:
        return
    set_props("out17", {"children": value})
    return None
