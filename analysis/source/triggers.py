"""What a callback reads of the request through ``callback_context``: aliases, reads, derived names."""

from __future__ import annotations

import ast

from analysis.source.python import FunctionNode, all_nodes, dotted_name, names_derived_from, per_function

#: The names Dash's context goes by in callback code (``from dash import ctx, callback_context``).
CONTEXT_NAMES = frozenset({"ctx", "callback_context"})
#: ``callback_context`` attributes Dash builds from the request body as the client sent it
#: (``Dash._initialize_context``: ``changedPropIds``, ``inputs``, ``state``), unchecked.
REQUEST_ATTRIBUTES = frozenset({"triggered", "triggered_id", "triggered_prop_ids", "inputs",
                                "states", "inputs_list", "states_list", "args_grouping"})


@per_function
def context_names(function: FunctionNode) -> frozenset[str]:
    """``ctx``, ``callback_context`` and the local names the function gives the context
    (``c = dash.callback_context``).

    >>> from analysis.source.python import parse_function
    >>> sorted(context_names(parse_function("def f(a):\\n    c = dash.callback_context")))
    ['c', 'callback_context', 'ctx']
    """
    names = set(CONTEXT_NAMES)
    for node in all_nodes(function):
        if isinstance(node, ast.Assign) and is_context(node.value, names):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return frozenset(names)


def is_context(node: ast.AST, names: frozenset[str] | set[str] = CONTEXT_NAMES) -> bool:
    """True for the context itself: one of ``names``, ``dash.ctx`` or ``dash.callback_context``."""
    if isinstance(node, ast.Name):
        return node.id in names
    return dotted_name(node) in ("dash.ctx", "dash.callback_context")


def request_read(expression: ast.AST, names: frozenset[str] | set[str] = CONTEXT_NAMES
                 ) -> ast.Attribute | None:
    """The first ``<context>.<request attribute>`` the expression reads, else None.

    >>> node = ast.parse("eval(ctx.triggered[0]['prop_id'])", mode="eval").body
    >>> ast.unparse(request_read(node))
    'ctx.triggered'
    >>> request_read(ast.parse("model.inputs", mode="eval").body) is None
    True
    """
    for node in ast.walk(expression):
        if (isinstance(node, ast.Attribute) and node.attr in REQUEST_ATTRIBUTES
                and is_context(node.value, names)):
            return node
    return None


@per_function
def request_names(function: FunctionNode) -> frozenset[str]:
    """The local names whose value comes from a request read, directly or through other names
    (``trigger = ctx.triggered[0]["prop_id"]``, ``key = trigger.replace(...)``).

    >>> from analysis.source.python import parse_function
    >>> src = "def f(a):\\n    t = ctx.triggered[0]['prop_id']\\n    k = t.split('.')[0]\\n    n = 2"
    >>> sorted(request_names(parse_function(src)))
    ['k', 't']
    """
    names = context_names(function)
    return frozenset(names_derived_from(function, set(),
                                        reads=lambda node: request_read(node, names) is not None))


def reads_request(expression: ast.AST, function: FunctionNode) -> bool:
    """True when the expression reads request data: a context attribute Dash fills from the
    request body, or a local name holding such a value."""
    if request_read(expression, context_names(function)) is not None:
        return True
    derived = request_names(function)
    return any(isinstance(node, ast.Name) and node.id in derived for node in ast.walk(expression))
