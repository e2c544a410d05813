"""DASH032 legacy-trigger-parsing: hand-parsing triggered[0]["prop_id"] of a pattern-matching Input."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.rules.dash034_first_clicked_not_triggered import first_clicked_pick
from analysis.rules.dash035_trigger_evaluated import evaluated_request
from analysis.snapshot import Callback
from analysis.source.python import FunctionNode, all_nodes


@rule(
    "DASH032",
    "legacy-trigger-parsing",
    "info",
    'a callback with a pattern-matching Input parses ctx.triggered[...]["prop_id"] by hand '
    'instead of using ctx.triggered_id',
    default=False,
)
def legacy_trigger_parsing(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Opt-in (``--select DASH032``): on held-out public apps the hand parse mostly worked for
    every id the app makes (rounds 3-5: 1 true positive, 19 debatable). The shapes that do go
    wrong are their own rules, on by default, and this one leaves them to those: one
    character kept as the index is DASH033; a test that some item fired followed by the
    first item whose click count is set is DASH034 (first-clicked-not-triggered); ``eval`` of
    the ``prop_id`` is DASH035 (trigger-evaluated).

    Finds server callbacks with a pattern-matching (dict id) Input that read ``["prop_id"]``
    (or ``.get("prop_id")``) from the entries of ``callback_context.triggered`` /
    ``ctx.triggered``, typically followed by ``.split(".")[0]`` or a substring test. With
    plain string ids only, the split is exact (Dash refuses ``.`` in string ids), so the
    hand-parsing works and is left alone.

    ## Why is this bad?
    For a dict id, ``prop_id`` is JSON text: ``'{"index":2,"type":"row"}.n_clicks'``.
    Splitting it on ``.`` breaks when an id value holds a dot, yields text to be parsed
    again, and a substring test (``"row" in prop_id``) says only that *some* row fired, not
    which: code then often picks the wrong one (the first with ``n_clicks > 0``, DASH034) or
    evaluates the text (DASH035).
    ``ctx.triggered_id`` (Dash >= 2.4) gives the id itself — the dict, so
    ``ctx.triggered_id["index"]`` is the clicked row — and ``None`` on page load;
    ``ctx.triggered_prop_ids`` maps every fired ``prop_id`` to its id.

    ## Example
    ```python
    @callback(Output("out", "children"), Input({"type": "row", "index": ALL}, "n_clicks"))
    def which(clicks):
        prop_id = callback_context.triggered[0]["prop_id"]
        row = json.loads(prop_id.split(".")[0])["index"]  # breaks for an index with a "."
        return f"row {row} clicked"
    ```

    ## Use instead
    ```python
    @callback(Output("out", "children"), Input({"type": "row", "index": ALL}, "n_clicks"))
    def which(clicks):
        return f"row {ctx.triggered_id['index']} clicked"
    ```
    """
    for callback, function in hand_parsers(ctx):
        if (one_character_read(function) is not None or evaluated_request(function) is not None
                or first_clicked_pick(callback, function) is not None):
            continue  # a bug, not a style: DASH033, DASH035 or DASH034 reports it
        instead = ("ctx.triggered_prop_ids (it keeps the property)"
                   if uses_property_part(function) else "ctx.triggered_id")
        yield legacy_trigger_parsing.finding(
            f'{callback_label(callback)} parses triggered[...]["prop_id"] by hand: '
            f'use {instead}', [callback])


def hand_parsers(ctx: LintContext) -> Iterator[tuple[Callback, FunctionNode]]:
    """Server callbacks with a pattern-matching (dict id) Input whose function reads
    ``triggered[...]["prop_id"]`` and parses it, with their functions."""
    for callback in ctx.callbacks:
        if "prop_id" not in (callback.source or ""):  # cheap: most callbacks never mention it
            continue
        if not any(isinstance(d.id, dict) for d in callback.inputs):
            continue  # plain ids hold no "." (Dash refuses it): the split is exact, not a bug
        function = ctx.function(callback)
        if function is not None and _parses_prop_id(function):
            yield callback, function


#: String methods whose result is text again (``.strip("{}")``, ``.replace(...)``).
_TEXT_METHODS = frozenset({"strip", "lstrip", "rstrip", "replace", "lower", "upper",
                           "removeprefix", "removesuffix"})


def one_character_read(function: FunctionNode) -> ast.Subscript | None:
    """The first ``[k]`` / ``[-1]`` subscript that takes one character out of the prop_id
    text or a piece of it (not an element of its ``split`` parts), else None.

    >>> from analysis.source.python import parse_function
    >>> src = ('def f(a):\\n    t = ctx.triggered[0]["prop_id"]\\n'
    ...        '    part = t.split(".")[0].strip("{}").split(",")[0]\\n    i = part[-1]')
    >>> ast.unparse(one_character_read(parse_function(src)))
    'part[-1]'
    >>> src = 'def f(a):\\n    prop = ctx.triggered[0]["prop_id"].split(".")[-1]'
    >>> one_character_read(parse_function(src)) is None
    True
    """
    kinds: dict[str, str] = {}  # local name -> "text" or "parts"
    found: list[ast.Subscript] = []

    def kind(node: ast.AST) -> str | None:
        if isinstance(node, ast.Name):
            return kinds.get(node.id)
        if isinstance(node, ast.Subscript):
            if _is_prop_id(node.slice):
                return "text"
            of = kind(node.value)
            if isinstance(node.slice, ast.Slice):
                return of
            if of == "parts" and _is_index(node.slice):
                return "text"
            if of == "text" and _is_index(node.slice):
                found.append(node)
                return "character"
            return None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if kind(node.func.value) != "text":
                return None
            if node.func.attr in ("split", "rsplit", "partition", "rpartition"):
                return "parts"
            return "text" if node.func.attr in _TEXT_METHODS else None
        return None

    for _ in range(2):  # a name used before the statement that assigns it, in a loop
        for node in all_nodes(function):
            if isinstance(node, ast.Assign):
                value_kind = kind(node.value)
                for target in node.targets:
                    if isinstance(target, ast.Name) and value_kind is not None:
                        kinds[target.id] = value_kind
            elif isinstance(node, ast.Subscript):
                kind(node)
    return min(found, key=lambda n: (n.lineno, n.col_offset)) if found else None


def _is_index(node: ast.AST) -> bool:
    """``[0]``, ``[2]``, ``[-1]``: one element or character."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) is int


def uses_property_part(function: FunctionNode) -> bool:
    """True when the split prop id's property half is used (``.split(".")[1]``, ``[-1]``,
    ``id_, prop = ....split(".")``, ``.rpartition(".")[2]``): ``triggered_id`` lacks it.

    >>> from analysis.source.python import parse_function
    >>> src = 'def f(a):\\n    prop = ctx.triggered[0]["prop_id"].split(".")[1]'
    >>> uses_property_part(parse_function(src))
    True
    >>> src = 'def f(a):\\n    which = ctx.triggered[0]["prop_id"].split(".")[0]'
    >>> uses_property_part(parse_function(src))
    False

    Only a split at ``"."`` separates the property: ``[1]`` after another separator is a
    piece of the id (an index cut out of a dict id's JSON).

    >>> src = 'def f(a):\\n    i = tid.split("index:")[1].split(",")[0]'
    >>> uses_property_part(parse_function(src))
    False
    """
    for node in all_nodes(function):
        if isinstance(node, ast.Subscript) and _splits_at_dot(node.value):
            index = node.slice
            if isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub):
                return True  # [-1]: the last part
            if isinstance(index, ast.Constant) and index.value in (1, 2):
                return True  # split(".")[1], (r)partition(".")[2]
        if isinstance(node, ast.Assign) and _splits_at_dot(node.value):
            targets = node.targets[0]
            if isinstance(targets, ast.Tuple) and len(targets.elts) >= 2 and not (
                    isinstance(targets.elts[-1], ast.Name) and targets.elts[-1].id == "_"):
                return True
    return False


def _splits_at_dot(node: ast.AST) -> bool:
    """A ``split``/``partition`` call whose separator is ``"."`` (prop ids are ``id.prop``)."""
    return (_splits_prop_id(node) and bool(node.args) and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == ".")


def _splits_prop_id(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("split", "rsplit", "partition", "rpartition"))


def _parses_prop_id(function: FunctionNode) -> bool:
    """True when the function reads ``.triggered`` and takes ``"prop_id"`` out of an entry."""
    reads_triggered = False
    takes_prop_id = False
    for node in all_nodes(function):
        if isinstance(node, ast.Attribute) and node.attr == "triggered":
            reads_triggered = True
        elif isinstance(node, ast.Subscript) and _is_prop_id(node.slice):
            takes_prop_id = True
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and node.args
            and _is_prop_id(node.args[0])
        ):
            takes_prop_id = True
    return reads_triggered and takes_prop_id


def _is_prop_id(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value == "prop_id"
