"""DASH034 first-clicked-not-triggered: an ALL click counter's first set item taken as the one clicked."""

from __future__ import annotations

import ast
from typing import Callable, Iterator

from analysis.context import LintContext
from analysis.dash_props import COUNTER_PROPS
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import at_line, callback_label, triggered_id_spelling
from analysis.snapshot import Callback, Dependency, is_wildcard
from analysis.source.python import FunctionNode, all_nodes, dotted_name, reads_trigger
from analysis.source.signature import dependency_parameters
from analysis.source.triggers import reads_request


@rule(
    "DASH034",
    "first-clicked-not-triggered",
    "warning",
    "a callback with ALL click counters takes the first item ever clicked as the one that fired",
)
def first_clicked_not_triggered(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds server callbacks with an ``ALL`` pattern-matching Input of click counts
    (``n_clicks``, ``nClicks``, ``deleteClicks``, ...) that check that one of the items
    fired (a test on ``ctx.triggered``, or ``any(clicks)``) and then take the *first* item
    whose count is set as the clicked one: ``next(i for i, n in enumerate(clicks) if n)``,
    ``[... if n][0]``, or a ``for`` loop over the counts that breaks or returns at the first
    set one. A callback that recovers the fired id exactly (``ctx.triggered_id[...]``,
    ``triggered_prop_ids``, ``args_grouping``, ``json.loads`` of the ``prop_id``) or writes
    the counts back is left alone.

    ## Why is this bad?
    Click counts are never reset by a click elsewhere: once item A has been clicked, its
    count stays 1. Click A, then B: the callback fires for B, but the first set count is
    still A's, so it shows A again, and every later click acts on A. A browser test
    (tests/browser/test_first_clicked.py) clicks item 0, then item 1, and the page shows
    item 0. ``ctx.triggered_id`` is the id of the item that fired, whatever was clicked
    before.

    ## Example
    ```python
    @callback(Output("out", "children"), Input({"type": "stop", "index": ALL}, "n_clicks"),
              State({"type": "stop", "index": ALL}, "id"), prevent_initial_call=True)
    def show(clicks, ids):
        if "stop" in ctx.triggered[0]["prop_id"]:
            first = next(i for i, n in enumerate(clicks) if n)  # A again after A, then B
            return f"stop {ids[first]['index']}"
    ```

    ## Use instead
    ```python
    def show(clicks, ids):
        return f"stop {ctx.triggered_id['index']}"
    ```
    """
    for callback in ctx.callbacks:
        if not counter_inputs(callback):
            continue  # nothing to pick from: the body is not parsed (most callbacks)
        function = ctx.function(callback)
        found = first_clicked_pick(callback, function) if function is not None else None
        if found is not None:
            yield first_clicked_not_triggered.finding(_message(callback, function, *found),
                                                      [callback])


def first_clicked_pick(callback: Callback, function: FunctionNode
                       ) -> tuple[Dependency, ast.AST] | None:
    """The ``ALL`` counter Input whose first set item the function takes as the one clicked,
    and where it does, else None (DASH032 leaves such callbacks to this rule)."""
    counters = counter_inputs(callback)
    if not counters:
        return None
    parameters = dependency_parameters(function, callback.arg_grouping) or {}
    for position, dependency in counters:
        name = parameters.get(position)
        if name is None or list(parameters.values()).count(name) != 1:
            continue  # *args or a grouped argument: not the list of counts itself
        lists = _aliases(function, name)
        pick = first_set_pick(function, lists)
        if pick is None:
            continue
        if not (reads_trigger(function) or _tests_any(function, lists)):
            continue  # no sign the callback means "the one that fired"
        if recovers_trigger(function):
            return None  # the exact id is at hand: the pick is a guard, not the answer
        return dependency, pick
    return None


def counter_inputs(callback: Callback) -> list[tuple[int, Dependency]]:
    """(position, Input) of the ``ALL`` counter Inputs the callback does not reset itself:
    the only ones whose first set item it could take for the one clicked."""
    return [(position, d) for position, d in enumerate(callback.inputs)
            if _all_counter(d) and not _written_back(callback, d)]


def _all_counter(dependency: Dependency) -> bool:
    """An ``ALL`` pattern Input of a click (or other event) count: a list of counts."""
    prop = dependency.property
    return (isinstance(dependency.id, dict)
            and any(is_wildcard(v) and v[0] == "ALL" for v in dependency.id.values())
            and (prop in COUNTER_PROPS or prop.lower().endswith("clicks")))


def _written_back(callback: Callback, dependency: Dependency) -> bool:
    """The callback resets the counts itself (an Output on them): the first set one is then
    the one clicked since."""
    return any(o.id == dependency.id and o.property == dependency.property
               for o in callback.outputs)


def _aliases(function: FunctionNode, name: str) -> frozenset[str]:
    """``name`` and the locals bound to it as they are (``clicks = marker_clicks or []``)."""
    names = {name}
    for node in all_nodes(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            value = node.value
            if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or):
                value = value.values[0]
            if isinstance(value, ast.Name) and value.id in names:
                names.add(node.targets[0].id)
    return frozenset(names)


#: A test that an element is the count of one item: (is it the count?, the other loop names).
Iteration = tuple[Callable[[ast.AST], bool], frozenset[str]]


def first_set_pick(function: FunctionNode, lists: frozenset[str]) -> ast.AST | None:
    """The first statement or expression that takes the first item whose count in ``lists``
    is set, else None: ``next(<gen> if n)``, ``[<comp> if n][0]``, or a ``for`` loop whose
    ``if n:`` breaks or returns.

    >>> from analysis.source.python import parse_function
    >>> src = "def f(c):\\n    i = next(i for i, n in enumerate(c) if n)"
    >>> ast.unparse(first_set_pick(parse_function(src), frozenset({"c"})))
    'next((i for i, n in enumerate(c) if n))'
    >>> src = "def f(c):\\n    i = max(range(len(c)), key=lambda i: c[i] or 0)"
    >>> first_set_pick(parse_function(src), frozenset({"c"})) is None
    True
    """
    found: list[ast.AST] = []
    for node in all_nodes(function):
        if isinstance(node, (ast.For, ast.AsyncFor)):
            loop = _iteration(node.target, node.iter, lists)
            if loop is not None and any(
                    isinstance(s, ast.If) and _is_count_test(s.test, loop[0])
                    and any(isinstance(b, (ast.Break, ast.Return)) for b in s.body)
                    and _reads(s.body, loop[1]) for s in node.body):
                found.append(node)
        elif isinstance(node, ast.Call) and dotted_name(node.func) == "next" and node.args \
                and isinstance(node.args[0], ast.GeneratorExp) and _picks(node.args[0], lists):
            found.append(node)
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.ListComp) \
                and isinstance(node.slice, ast.Constant) and node.slice.value == 0 \
                and _picks(node.value, lists):
            found.append(node)
    return min(found, key=lambda n: (n.lineno, n.col_offset)) if found else None


def _picks(comprehension: ast.GeneratorExp | ast.ListComp, lists: frozenset[str]) -> bool:
    """``(<other loop name> for ... in <counts> if <count set>)``."""
    if len(comprehension.generators) != 1:
        return False
    generator = comprehension.generators[0]
    loop = _iteration(generator.target, generator.iter, lists)
    return (loop is not None and len(generator.ifs) == 1
            and _is_count_test(generator.ifs[0], loop[0]) and _reads([comprehension.elt], loop[1]))


def _iteration(target: ast.AST, iterable: ast.AST, lists: frozenset[str]) -> Iteration | None:
    """How a loop walks the counts: ``enumerate(c)``, ``zip(ids, c)``, ``range(len(c))``."""
    if not isinstance(iterable, ast.Call) or not iterable.args:
        return None
    callee = dotted_name(iterable.func)
    args = iterable.args
    names = [e.id if isinstance(e, ast.Name) else None
             for e in (target.elts if isinstance(target, ast.Tuple) else [])]
    if callee in ("enumerate", "zip") and len(names) == len(args) + (callee == "enumerate"):
        positions = [p for p, a in enumerate(args) if isinstance(a, ast.Name) and a.id in lists]
        if len(positions) != 1 or None in names:
            return None
        count = names[positions[0] + (callee == "enumerate")]
        return (lambda node: isinstance(node, ast.Name) and node.id == count,
                frozenset(n for n in names if n != count))
    if callee == "range" and isinstance(target, ast.Name) and len(args) == 1 \
            and isinstance(args[0], ast.Call) and dotted_name(args[0].func) == "len" \
            and args[0].args and isinstance(args[0].args[0], ast.Name) \
            and args[0].args[0].id in lists:
        index = target.id
        return (lambda node: isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
                and node.value.id in lists and isinstance(node.slice, ast.Name)
                and node.slice.id == index, frozenset({index}))
    return None


def _is_count_test(test: ast.AST, is_count: Callable[[ast.AST], bool]) -> bool:
    """``n``, ``n > 0``, ``n >= 1``, ``n != 0``, ``n is not None``, ``n and n > 0``: the
    count is set, and nothing else is asked."""
    if is_count(test):
        return True
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return all(_is_count_test(value, is_count) for value in test.values)
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and is_count(test.left)
            and isinstance(test.comparators[0], ast.Constant)):
        return False
    op, value = test.ops[0], test.comparators[0].value
    if isinstance(op, ast.IsNot) or (isinstance(op, ast.NotEq) and value in (0, None)):
        return value is None or isinstance(op, ast.NotEq)
    if type(value) is not int:
        return False
    return (isinstance(op, ast.Gt) and value >= 0) or (isinstance(op, ast.GtE) and value >= 1)


def _reads(nodes: list[ast.AST], names: frozenset[str]) -> bool:
    return any(isinstance(n, ast.Name) and n.id in names
               for node in nodes for n in ast.walk(node))


def _tests_any(function: FunctionNode, lists: frozenset[str]) -> bool:
    """``any(clicks)``: some item was clicked."""
    return any(isinstance(node, ast.Call) and dotted_name(node.func) == "any" and node.args
               and isinstance(node.args[0], ast.Name) and node.args[0].id in lists
               for node in all_nodes(function))


#: Calls that turn a ``prop_id`` back into the fired id.
_PARSERS = frozenset({"json.loads", "loads", "ast.literal_eval", "literal_eval", "eval"})


def recovers_trigger(function: FunctionNode) -> bool:
    """True when the function gets at the fired item's id exactly: reads ``args_grouping`` or
    ``triggered_prop_ids``, looks inside ``triggered_id`` (``[...]``, ``.get``, an
    attribute; directly or through a local), or parses request text with ``json.loads``."""
    held = {target.id for node in all_nodes(function) if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Attribute) and node.value.attr == "triggered_id"
            for target in node.targets if isinstance(target, ast.Name)}

    def is_triggered_id(node: ast.AST) -> bool:
        return (isinstance(node, ast.Attribute) and node.attr == "triggered_id") or (
            isinstance(node, ast.Name) and node.id in held)

    for node in all_nodes(function):
        if isinstance(node, ast.Attribute) and node.attr in ("args_grouping", "triggered_prop_ids"):
            return True
        if isinstance(node, (ast.Subscript, ast.Attribute)) and is_triggered_id(node.value):
            return True
        if isinstance(node, ast.Call) and dotted_name(node.func) in _PARSERS and node.args \
                and reads_request(node.args[0], function):
            return True
    return False


def _message(callback: Callback, function: FunctionNode, dependency: Dependency,
             pick: ast.AST) -> str:
    at = at_line(callback, function.lineno, pick.lineno, before="") or "its body"
    fixed = {k: v for k, v in dependency.id.items() if not is_wildcard(v)}
    items = (f"`{next(iter(fixed.values()))}`" if len(fixed) == 1
             else f"item of {dependency.id_str}")
    return (f"{callback_label(callback)} takes the first {items} whose {dependency.property} "
            f"is set ({at}) as the one that fired: counts stay set, so after clicking A, "
            f"then B, it acts on A again: use {triggered_id_spelling([dependency])}")
