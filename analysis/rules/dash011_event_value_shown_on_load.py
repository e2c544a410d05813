"""DASH011 event-value-shown-on-load: page load renders an event's ``None`` as text."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.dash_props import is_event, load_values, runs_on_load
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.snapshot import Callback, Dependency
from analysis.source.python import FunctionNode, all_nodes
from analysis.source.signature import dependency_parameters

#: Interaction data that is ``None`` until the user acts, besides the event props DASH010 uses
#: (``hoverData`` / ``selectedData`` are state other callbacks read, not events, but their
#: load value is ``None`` all the same).
_NONE_UNTIL_USED = frozenset({"hoverData", "selectedData"})
#: Calls that turn ``None`` into the text "None".
_TO_TEXT = frozenset({"str", "repr"})


@rule(
    "DASH011",
    "event-value-shown-on-load",
    "warning",
    "a callback run on page load puts an event value the layout leaves out (None) into returned text",
)
def event_value_shown_on_load(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds callbacks that Dash calls on page load (no ``prevent_initial_call=True``, as Dash
    sends it to the renderer) whose Input is an event property the layout leaves out
    (``n_clicks`` without ``n_clicks=0``, ``n_submit``, ``clickData``, ``hoverData``,
    ``selectedData``, ``contents``, ...), so the load call receives ``None``, and whose
    function puts that parameter, untested, into text it returns: an f-string, ``str()`` /
    ``repr()``, ``.format()`` or ``%``, in the return value itself or in a local the return
    value uses.

    Silent when the load value is unknown (``persistence``, a layout that failed to render, a
    pattern id), when the layout gives the prop a value (``n_clicks=0`` renders "0"), when the
    body tests any Input or ``ctx.triggered_id`` / ``ctx.triggered`` (it handles the load call),
    when the parameter is rebound, when the body can refuse (``PreventUpdate``,
    ``no_update``), and for clientside callbacks.

    This is the one load-call shape that is a certain, visible bug. Whether a load call is
    wanted at all is DASH010's question, which is opt-in: real apps often need it.

    ## Why is this bad?
    Before anyone clicked, the page reads "Clicked None times." or "clickData: None": the
    renderer passes ``None`` for a prop the layout does not give, and the text shows it.

    ## Example
    ```python
    @callback(Output("out", "children"), Input("btn", "n_clicks"))
    def count(n_clicks):
        return f"Clicked {n_clicks} times."
    ```

    ## Use instead
    ```python
    @callback(Output("out", "children"), Input("btn", "n_clicks"),
              prevent_initial_call=True)
    def count(n_clicks):
        return f"Clicked {n_clicks} times."
    ```
    """
    for callback in ctx.callbacks:
        if callback.kind == "clientside" or not runs_on_load(callback, ctx.app_of(callback)):
            continue
        if not ctx.layouts.of(callback).complete or not any(
                _none_on_load(ctx, callback, dependency) for dependency in callback.inputs):
            continue  # tested first: it needs no parse, and the walks below are costly
        function = ctx.function(callback)
        if function is None:
            continue
        # here: the body's analyses are imported by the runs with a callback that needs them
        from analysis.rules._load_call import input_parameters, tells_load_call_apart
        from analysis.source.flow import is_refusal

        parameters = dependency_parameters(function, callback.arg_grouping)
        if not parameters or tells_load_call_apart(function, input_parameters(function, callback)):
            continue
        if any(is_refusal(node) for node in all_nodes(function)):
            continue
        names = list(parameters.values())
        for position, dependency in enumerate(callback.inputs):
            name = parameters.get(position)
            if (name is None or names.count(name) > 1 or not _none_on_load(ctx, callback, dependency)
                    or _rebound(function, name) or not _returned_as_text(function, name)):
                continue
            yield event_value_shown_on_load.finding(
                f"{callback_label(callback)} runs on page load with {dependency.key} = None (the "
                f"layout gives no value) and returns it as text ({name!r} shows \"None\"): add "
                f"prevent_initial_call=True or give the prop a value",
                [callback], [dependency],
            )
            break


def _none_on_load(ctx: LintContext, callback: Callback, dependency: Dependency) -> bool:
    if not (is_event(dependency) or dependency.property in _NONE_UNTIL_USED):
        return False
    values = load_values(dependency, ctx.layouts.of(callback).matching(dependency.id))
    return bool(values) and all(v is None for v in values)


def _rebound(function: FunctionNode, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load)
               for n in all_nodes(function))


def _as_text(node: ast.AST, name: str) -> bool:
    """True for ``f"...{name}..."``, ``str(name)``, ``"...".format(name)``, ``"..." % name``."""
    def bare(value: ast.AST) -> bool:
        return isinstance(value, ast.Name) and value.id == name

    if isinstance(node, ast.FormattedValue):
        return bare(node.value)
    if isinstance(node, ast.Call):
        callee = node.func
        if isinstance(callee, ast.Name) and callee.id in _TO_TEXT:
            return len(node.args) == 1 and bare(node.args[0])
        if isinstance(callee, ast.Attribute) and callee.attr == "format":
            return any(bare(a) for a in node.args) or any(bare(k.value) for k in node.keywords)
        return False
    if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod)
            and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)):
        right = node.right
        return bare(right) or (isinstance(right, ast.Tuple) and any(bare(e) for e in right.elts))
    return False


def _returned_as_text(function: FunctionNode, name: str) -> bool:
    """True when a return value holds the parameter as text, directly or through locals."""
    def shows(expression: ast.AST, texts: set[str]) -> bool:
        return any(_as_text(n, name) or (isinstance(n, ast.Name) and n.id in texts)
                   for n in ast.walk(expression))

    texts: set[str] = set()
    assignments = [n for n in all_nodes(function) if isinstance(n, (ast.Assign, ast.AnnAssign))]
    changed = True
    while changed:  # locals built from locals that hold the text
        changed = False
        for node in assignments:
            if node.value is None or not shows(node.value, texts):
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id not in texts:
                    texts.add(target.id)
                    changed = True
    from analysis.source.flow import returns

    return any(node.value is not None and shows(node.value, texts) for node in returns(function))
