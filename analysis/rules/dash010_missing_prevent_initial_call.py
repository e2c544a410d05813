"""DASH010 missing-prevent-initial-call: a callback fired only by user events still runs on load (opt-in)."""

from __future__ import annotations

import ast
import re
from typing import Iterator

from analysis.context import LintContext
from analysis.dash_props import (
    COUNTER_PROPS, is_event, is_hidden, load_values, runs_on_load, shown_values,
    written_prevent_initial_call,
)
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._load_call import input_parameters, tells_load_call_apart
from analysis.rules._naming import callback_label
from analysis.snapshot import AppInfo, Callback
from analysis.source.flow import is_no_update, is_refusal, returns
from analysis.source.python import FunctionNode, all_nodes, names_derived_from
from analysis.source.signature import dependency_parameters

#: An inline clientside function that bails out with no_update / PreventUpdate, or reads
#: ``callback_context.triggered`` / ``triggered_id`` (empty on the load call in the renderer).
_JS_GUARD = re.compile(r"no_update|PreventUpdate|\.triggered(?:_id)?\b")


@rule(
    "DASH010",
    "missing-prevent-initial-call",
    "warning",
    "every Input is a user event (n_clicks, n_submit, clickData, ...) yet the callback runs on page load",
    static_note=(
        "silent for a callback whose layouts are unresolved or whose components' initial "
        "values are computed, and where the answer would need a component's JavaScript "
        "default"
    ),
    default=False,
)
def missing_prevent_initial_call(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Opt-in (``--select DASH010``): whether a load call is wanted is the author's intent, which
    the code rarely shows; in six rounds of public apps most load calls it reported were needed
    or handled. The one load-call shape that is a certain bug, an event's ``None`` rendered as
    text, is DASH011, on by default.

    Finds callbacks whose Inputs are all event-like properties (``n_clicks``, ``n_submit``,
    ``n_blur``, ``clickData``, ``contents``, ``tapNodeData``, ... see
    ``analysis/dash_props.py``) and that Dash still calls when the page loads (no
    ``prevent_initial_call=True``) while the body never tells that call apart: no ``if`` /
    conditional expression tests an event value (``if not n_clicks``, ``if contents is
    None``) or ``ctx.triggered_id`` / ``ctx.triggered`` (both empty on load), directly or
    through a local read from them (``button = ctx.triggered_id`` then ``if button:``). A body
    that does so handles the initial call on purpose (e.g. renders a "no clicks yet" text).
    ``Dash(prevent_initial_callbacks=True)`` covers ``@app.callback`` only: ``@dash.callback``
    registers without an app and keeps its own default (``False``).
    ``prevent_initial_call="initial_duplicate"`` does not prevent the initial call either.
    ``prevent_initial_call=False`` written on the callback asks for the load call: not
    reported. Inline clientside JavaScript counts as telling the load call apart when it
    mentions ``no_update`` / ``PreventUpdate`` or reads ``callback_context.triggered`` (or
    ``triggered_id``), which the renderer leaves empty on the load call.
    What counts is what Dash sends the renderer (the probe records it), so
    ``config_prevent_initial_callbacks=True`` passed to ``@dash.callback`` does prevent it.

    On the first call the renderer passes each Input/State the value the layout gives it, and
    ``None`` for a prop the layout leaves out (the component's own default is not sent). When
    the snapshot records those values (the probe does; a snapshot without them is not
    second-guessed), four page-load calls are left alone:

    - **the first call is the point**: the layout gives a counter Input a number
      (``html.Button(id="next", n_clicks=0)``) and the function does arithmetic with it,
      formats it or converts it (``f"Figure {n_clicks + 1}"``, ``str(n_clicks)``): the load
      call renders the page's first state, and preventing it would leave the output blank;
    - **the load call refuses**: the first statement is ``if <test>: return no_update`` (or
      ``raise PreventUpdate``) and ``<test>`` (``not x``, ``x is None``, ``"key" not in x``,
      or ``and``/``or`` of them, ``x`` a parameter of one Input/State) is true for the
      layout's values (``"step1" not in data`` on a ``dcc.Store(data={})``);
    - **the load call writes what is there**: the whole body is ``return <literal>`` into the
      only Output, and that Output already shows that very value: the layout gives it, or
      the layout leaves it out and the component's JavaScript default is that value
      (``dbc.Toast``'s ``is_open=True``, read by the probe from what the component's package
      publishes: its ``metadata.json`` or its generated docstrings);
    - **the events come from code**: every Input is a component the layout hides
      (``hidden=True`` or ``style={"display": "none"}``), a "refresh" button that JavaScript
      or another callback clicks; no user can click it before the load call, which is how
      the outputs get drawn;
    - **the load call seeds a Store**: an Output is a ``dcc.Store`` the layout fills and other
      callbacks read, and the function writes it from a State the layout gives a value (the
      text box's initial breakpoints turned into the age groups the Store's readers use): the
      load call is how the form's initial values reach those readers, and preventing it hands
      them the layout's seed instead, which need not even have the shape they expect.

    Values the browser may bring back before the first call make them unknown
    (``persistence``, a ``dcc.Store`` in local/session storage, ``dcc.Location``), as does a
    layout that failed to render.

    ## Why is this bad?
    On page load every such callback fires once with ``None`` for each event, before anyone
    clicked anything: a request per callback, and the "on click" action (saving, sending,
    resetting) runs without a click, or the callback crashes on ``None``.

    ## Example
    ```python
    @callback(Output("status", "children"), Input("save", "n_clicks"))
    def save(n_clicks):
        store.save()
        return "Saved"
    ```

    ## Use instead
    ```python
    @callback(Output("status", "children"), Input("save", "n_clicks"),
              prevent_initial_call=True)
    def save(n_clicks):
        store.save()
        return "Saved"
    ```
    """
    read_by: dict[str, set[int]] = {}  # Input key -> the callbacks reading it
    for callback in ctx.callbacks:
        for dependency in callback.inputs:
            read_by.setdefault(dependency.key, set()).add(callback.index)
    for callback in ctx.callbacks:
        if not callback.inputs or not all(is_event(d) for d in callback.inputs):
            continue
        app = ctx.app_of(callback)
        if ctx.snapshot.static and not _values_known(ctx, callback):
            continue  # static mode: the first call's values are unknown; never guess them
        if callback.prevent_initial_call is False:  # written: the author wants the load call
            continue
        if not runs_on_load(callback, app) or _guarded(ctx, callback):
            continue
        if _load_call_meant_or_void(ctx, callback) or _fired_by_code(ctx, callback):
            continue
        if _seeds_a_store(ctx, callback, read_by):
            continue
        events = ", ".join(d.key for d in callback.inputs)
        yield missing_prevent_initial_call.finding(
            f"{callback_label(callback)} is triggered only by user events ({events}) but runs "
            f"on page load{_why(callback, app)}: add prevent_initial_call=True",
            [callback], callback.inputs,
        )


def _values_known(ctx: LintContext, callback: Callback) -> bool:
    """True when the layouts say what the first call gets and shows: every layout of the app
    read, and each component the callback names given initial values (static mode leaves
    them unknown where the source computes a prop)."""
    layouts = ctx.layouts.of(callback)
    return layouts.complete and all(
        c.initial is not None
        for d in callback.inputs + callback.states + callback.outputs if not d.is_pattern
        for c in layouts.matching(d.id))


def _why(callback: Callback, app: AppInfo | None) -> str:
    """Why a setting the author may have relied on does not prevent the call."""
    written = written_prevent_initial_call(callback, app)
    app_prevents = app is not None and app.prevent_initial_callbacks is True
    if callback.app is None and callback.prevent_initial_call is None and app_prevents:
        return " (the app's prevent_initial_callbacks does not apply to @dash.callback)"
    if written == "initial_duplicate":
        return " ('initial_duplicate' does not prevent the initial call)"
    return ""


def _guarded(ctx: LintContext, callback: Callback) -> bool:
    """True when the function tells the page-load call apart (see the rationale)."""
    if callback.kind == "clientside":
        # Only an inline function can be read; a namespaced one is unknown: do not guess.
        return callback.js_source is None or bool(_JS_GUARD.search(callback.js_source))
    function = ctx.function(callback)
    if function is None:
        return True
    return tells_load_call_apart(function, input_parameters(function, callback))


# --- What the layout says about the first call ----------------------------------------------

#: Operators that compute with a count (``n_clicks + 1``, ``n % 2``, ``"%d" % n``).
_ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
#: Calls that turn a count into text or a number.
_FORMATTERS = frozenset({"str", "int", "float", "format", "repr"})


def _fired_by_code(ctx: LintContext, callback: Callback) -> bool:
    """True when every Input is a component the layout hides: its clicks come from code
    (a hidden "refresh" button clicked from JavaScript), and the page-load call is how the
    outputs get drawn in the first place."""
    layouts = ctx.layouts.of(callback)
    if not layouts.complete:
        return False
    for dependency in callback.inputs:
        components = [] if dependency.is_pattern else layouts.matching(dependency.id)
        if not components or not all(is_hidden(c) for c in components):
            return False
    return True


def _seeds_a_store(ctx: LintContext, callback: Callback, read_by: dict[str, set[int]]) -> bool:
    """True when the function writes, from a State the layout gives a value, a ``dcc.Store``
    the layout fills and another callback reads: the load call turns the form's initial values
    into what those readers start from (see the rationale)."""
    function = ctx.function(callback) if callback.kind != "clientside" else None
    layouts = ctx.layouts.of(callback)
    if function is None or not layouts.complete:
        return False
    if ctx.snapshot.unresolved:
        return True  # static mode left callbacks out: the Store's readers are unknown
    parameters = dependency_parameters(function, callback.arg_grouping) or {}
    names = list(parameters.values())
    given = set()
    for position, state in enumerate(callback.states, start=len(callback.inputs)):
        name = parameters.get(position)
        if name is None or names.count(name) > 1:  # *args: no single State's value
            continue
        known = load_values(state, layouts.matching(state.id))
        if known and all(v is not None for v in known):
            given.add(name)
    if not given:
        return False
    from_state = names_derived_from(function, given)
    for position, output in enumerate(callback.outputs):
        stores = [] if output.is_pattern else layouts.matching(output.id)
        if (output.property != "data" or not stores
                or not all(c.type.endswith(".Store") and c.initial is not None
                           and c.initial.get("data") is not None for c in stores)
                or not read_by.get(output.key, set()) - {callback.index}):
            continue
        for node in returns(function):
            if is_refusal(node) or node.value is None:
                continue
            value = node.value
            if callback.multi_output:
                if not (isinstance(value, (ast.Tuple, ast.List))
                        and len(value.elts) == len(callback.outputs)):
                    continue
                value = value.elts[position]
            if not is_no_update(value) and any(
                    isinstance(n, ast.Name) and n.id in from_state for n in ast.walk(value)):
                return True
    return False


def _load_call_meant_or_void(ctx: LintContext, callback: Callback) -> bool:
    """True when the layout's values show the page-load call is the point (a count the layout
    gives is rendered) or changes nothing (see the rationale)."""
    if callback.kind == "clientside":
        return False
    function = ctx.function(callback)
    if function is None:
        return False
    parameters = dependency_parameters(function, callback.arg_grouping) or {}
    # A parameter receiving a group of several dependencies holds no single layout value.
    counts: dict[str, int] = {}
    for name in parameters.values():
        counts[name] = counts.get(name, 0) + 1
    dependencies = callback.inputs + callback.states
    layouts = ctx.layouts.of(callback)
    if not layouts.complete:  # a layout that failed may hold the same id with other values
        return False
    values = {
        name: load_values(dependencies[i], layouts.matching(dependencies[i].id))
        for i, name in parameters.items() if counts[name] == 1 and i < len(dependencies)
    }
    given_counts = {
        parameters[i] for i, d in enumerate(callback.inputs)
        if d.property in COUNTER_PROPS and parameters.get(i) in values
        and _all_numbers(values[parameters[i]])
    }
    if given_counts and _computes_with(function, given_counts):
        return True
    return _refuses_first(function, values) or _returns_initial(ctx, callback, function)


def _all_numbers(values: list | None) -> bool:
    return bool(values) and all(type(v) in (int, float) for v in values)


def _computes_with(function: FunctionNode, names: set[str]) -> bool:
    """True when the function does arithmetic with, formats, or converts one of ``names``."""
    def named(node: ast.AST) -> bool:
        return isinstance(node, ast.Name) and node.id in names

    for node in all_nodes(function):
        if isinstance(node, ast.BinOp) and isinstance(node.op, _ARITHMETIC):
            if named(node.left) or named(node.right):
                return True
        elif isinstance(node, ast.FormattedValue) and any(named(n) for n in ast.walk(node.value)):
            return True
        elif isinstance(node, ast.Call) and any(named(a) for a in node.args):
            callee = node.func
            called = callee.id if isinstance(callee, ast.Name) else getattr(callee, "attr", "")
            if called in _FORMATTERS:
                return True
    return False


def _first_statement(function: FunctionNode) -> ast.stmt | None:
    """The first statement after the docstring."""
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return body[0] if body else None


def _refuses_first(function: FunctionNode, values: dict[str, list | None]) -> bool:
    """True when the function opens with ``if <test>: return no_update`` (or ``raise
    PreventUpdate``) and the layout's values make the test true on page load."""
    first = _first_statement(function)
    return (isinstance(first, ast.If) and bool(first.body) and is_refusal(first.body[0])
            and _true_on_load(first.test, values))


def _true_on_load(test: ast.expr, values: dict[str, list | None]) -> bool:
    """``not x``, ``x is None``, ``"key" (not) in x`` and ``and``/``or`` of them, decided on
    the load values."""
    if isinstance(test, ast.BoolOp):
        decided = [_true_on_load(v, values) for v in test.values]
        return any(decided) if isinstance(test.op, ast.Or) else all(decided)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        known = _values_of(test.operand, values)
        return known is not None and not any(known)
    if (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Is)
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value is None):
        known = _values_of(test.left, values)
        return known is not None and all(v is None for v in known)
    if (isinstance(test, ast.Compare) and len(test.ops) == 1
            and isinstance(test.ops[0], (ast.In, ast.NotIn)) and isinstance(test.left, ast.Constant)):
        known = _values_of(test.comparators[0], values)
        # Only real containers: the probe records a non-empty one as the text "<...>", and
        # `"k" in None` raises rather than refuses.
        if not known or not all(isinstance(v, (dict, list)) for v in known):
            return False
        inside = [test.left.value in v for v in known]
        return not any(inside) if isinstance(test.ops[0], ast.NotIn) else all(inside)
    return False


def _values_of(node: ast.expr, values: dict[str, list | None]) -> list | None:
    return values.get(node.id) if isinstance(node, ast.Name) else None


def _returns_initial(ctx: LintContext, callback: Callback, function: FunctionNode) -> bool:
    """True when the whole body returns one literal that the only Output already shows (the
    layout's value, else the default its component sets in JavaScript): the load call writes
    what is there."""
    first = _first_statement(function)
    if (len(callback.outputs) != 1 or not isinstance(first, ast.Return)
            or not isinstance(first.value, ast.Constant) or function.body[-1] is not first):
        return False
    output = callback.outputs[0]
    components = ctx.layouts.of(callback).matching(output.id)
    if ctx.snapshot.static and output.property != "children" and any(
            c.initial is not None and output.property not in c.initial for c in components):
        return True  # static mode reads no JavaScript defaults: what a left-out prop shows is unknown
    values = shown_values(output, ctx.layouts.of(callback).matching(output.id),
                          ctx.snapshot.component_defaults)
    literal = first.value.value
    return bool(values) and all(type(v) is type(literal) and v == literal for v in values)
