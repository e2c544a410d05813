"""Static views of a callback's Python source, for rules that read the function body."""

from __future__ import annotations

import ast
import functools
import re
import threading
from typing import Any, Callable, ContextManager, Iterator, TypeVar

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef

#: CPython 3.11 keeps the AST converter's recursion counter per interpreter, not per thread:
#: two threads converting at once (the explorer's request threads parsing; werkzeug compiling
#: a new route's AST) fail with "AST constructor recursion depth mismatch" (cpython#106905).
#: A lock, not state: it guards the interpreter's. Re-entrant: app factories hold it around
#: code that may parse.
_PARSING = threading.RLock()


def ast_exclusive() -> ContextManager[bool]:
    """Hold while code this process does not own may convert ASTs (werkzeug compiles each
    route it adds from an AST): ``parse_python`` waits meanwhile."""
    return _PARSING

#: What a parse of untrusted text can raise besides SyntaxError: null bytes, deep nesting.
PARSE_ERRORS = (SyntaxError, ValueError, RecursionError, MemoryError)


def parse_python(text: str | bytes, filename: str = "<unknown>") -> ast.Module:
    """``ast.parse``, safe to call from several threads at once.

    >>> type(parse_python("x = 1")).__name__
    'Module'
    """
    with _PARSING:
        return ast.parse(text, filename)


def parse_function(source: str | None) -> FunctionNode | None:
    """The first function definition in ``source`` (decorators included), or None.

    >>> parse_function("@cb\\ndef f(a):\\n    return a").name
    'f'
    """
    if not source:
        return None
    try:
        import textwrap  # here: a static run never parses a function alone

        tree = parse_python(textwrap.dedent(source))
    except PARSE_ERRORS:
        if not source[:1].isspace():
            return None
        try:  # a nested def whose multi-line string starts at column 0: dedent cannot help
            tree = parse_python("if 1:\n" + source)
        except PARSE_ERRORS:
            return None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return node
    return None


#: How many lines past the first ``def`` line a header may span (a long parameter list).
HEADER_LINES = 40


def parse_signature(source: str | None) -> FunctionNode | None:
    """The function ``parse_function`` would find, with its body replaced by ``pass``:
    decorators, name, parameters and annotations parsed from the lines up to the end of the
    ``def`` header alone (a fifth of a typical callback's text). None when no such header
    stands alone at the start of the source (a one-line ``def``, a class around it): then
    only a full parse can tell. The header is what a rule about the signature reads; a
    source whose body would not parse still gets one here, so a rule reporting a problem
    confirms it on ``parse_function``'s node.

    >>> header = parse_signature("@cb(Output('a', 'b'))\\ndef f(x, *, y=1):\\n    return x")
    >>> header.args.kwonlyargs[0].arg, type(header.body[0]).__name__
    ('y', 'Pass')
    >>> parse_signature("def f(x): return x") is None
    True
    """
    if not source:
        return None
    lines = source.splitlines(keepends=True)
    first = next((i for i, line in enumerate(lines)
                  if line.lstrip().startswith(("def ", "async def "))), None)
    if first is None:
        return None
    indent = lines[first][:len(lines[first]) - len(lines[first].lstrip())]
    for last in range(first, min(len(lines), first + HEADER_LINES)):
        header = "".join(lines[:last + 1]).rstrip("\r\n")
        try:
            tree = parse_python(_dedent(f"{header}\n{indent}    pass\n"))
        except PARSE_ERRORS:
            continue
        # One statement, the def with the body given here: the source's first statement is
        # then this def, the node ``parse_function`` finds first (its walk is breadth first).
        found, *others = tree.body or [None]
        if (not others and isinstance(found, (ast.FunctionDef, ast.AsyncFunctionDef))
                and len(found.body) == 1 and isinstance(found.body[0], ast.Pass)):
            return found
        return None
    return None


def _dedent(text: str) -> str:
    import textwrap  # here: a static run never parses a header alone

    return textwrap.dedent(text)


def may_name(source: str | None, names: tuple[str, ...]) -> bool:
    """False only when the source cannot contain any of ``names`` as an identifier: a test
    on the text, so a rule that looks for those names alone skips parsing and walking a
    function that has none (most of them). Non-ASCII source always may: Python folds
    identifiers to NFKC, so ``ｎｏ_update`` is ``no_update``.

    >>> may_name("def f(a):\\n    return a", ("PreventUpdate",)), may_name("x = no_update", ("no_update",))
    (False, True)
    """
    return bool(source) and (not source.isascii() or any(name in source for name in names))


Analysis = TypeVar("Analysis", bound=Callable[[Any], Any])


def per_function(analysis: Analysis) -> Analysis:
    """Keep a pure analysis of one function on its node (which lives as long as the lint
    run), so it runs once per function, and the parse-ahead thread can run it before the
    snapshot arrives (``analysis.source.prefetch``). Callers must not mutate what it returns.

    >>> @per_function
    ... def name_length(function):
    ...     return len(function.name)
    >>> node = parse_function("def f():\\n    pass")
    >>> name_length(node), node._memo_name_length
    (1, 1)
    """
    attribute = f"_memo_{analysis.__name__}"

    @functools.wraps(analysis)
    def memoised(function: Any) -> Any:
        try:
            return function.__dict__[attribute]
        except KeyError:
            value = function.__dict__[attribute] = analysis(function)
            return value

    return memoised  # type: ignore[return-value]


def dotted_name(node: ast.AST) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, else None.

    >>> dotted_name(ast.parse("time.sleep", mode="eval").body)
    'time.sleep'
    """
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def body_nodes(function: FunctionNode) -> Iterator[ast.AST]:
    """Every node of the function's own body: nested functions and classes excluded.

    Rules walk the same function many times; the walk is kept on the node (its lifetime is
    the lint run's), which made the rules several times faster on large apps.
    """
    return iter(_own_node_list(function))


def all_nodes(function: FunctionNode) -> Iterator[ast.AST]:
    """``ast.walk(function)``, walked once per function (see ``body_nodes``)."""
    return iter(_walks(function)[0])


def own_statements(function: FunctionNode) -> Iterator[ast.stmt]:
    """The statements of the function's own body, depth first in source order, as
    ``body_nodes`` meets them (a nested def or class is one, its body is not walked), without
    visiting a single expression: for rules that look at statements only, on a function whose
    full walk no other rule may need (static mode pays every walk in the foreground).

    >>> source = "def f(a):\\n    if a:\\n        g()\\n    def h():\\n        k()\\n    return a"
    >>> [type(s).__name__ for s in own_statements(parse_function(source))]
    ['If', 'Expr', 'FunctionDef', 'Return']
    """
    stack: list[ast.stmt] = list(reversed(function.body))
    while stack:
        statement = stack.pop()
        yield statement
        if isinstance(statement, _NESTED):
            continue
        for name in reversed(_BLOCKS.get(type(statement), ())):
            block = getattr(statement, name)
            if name in ("handlers", "cases"):  # except ...: / case ...: each holds a body
                for part in reversed(block):
                    stack.extend(reversed(part.body))
            else:
                stack.extend(reversed(block))


#: The fields of each compound statement that hold statements, in source order (as
#: ``body_nodes`` meets them).
_BLOCKS: dict[type, tuple[str, ...]] = {
    ast.If: ("body", "orelse"), ast.For: ("body", "orelse"), ast.AsyncFor: ("body", "orelse"),
    ast.While: ("body", "orelse"), ast.With: ("body",), ast.AsyncWith: ("body",),
    ast.Try: ("body", "handlers", "orelse", "finalbody"),
    ast.TryStar: ("body", "handlers", "orelse", "finalbody"), ast.Match: ("cases",),
}


def _own_node_list(function: FunctionNode) -> list[ast.AST]:
    return _walks(function)[1]


@per_function
def _walks(function: FunctionNode) -> tuple[list[ast.AST], list[ast.AST]]:
    """(every node breadth first, as ``ast.walk``; the own body's nodes depth first, as
    ``body_nodes``) from one walk: each node's children are looked up once, not once per
    list (the walks were a third of a 12,000-callback lint)."""
    found: list[ast.AST] = [function]  # breadth first: the list is the queue
    spans: list[tuple[int, int]] = []  # found[i]'s children are found[start:end]
    index = 0
    while index < len(found):
        start = len(found)
        _add_children(found[index], found)
        spans.append((start, len(found)))
        index += 1
    body = {id(node) for node in function.body}
    first, last = spans[0]
    stack = [i for i in range(last - 1, first - 1, -1) if id(found[i]) in body]
    own: list[ast.AST] = []
    while stack:
        i = stack.pop()
        node = found[i]
        own.append(node)
        if not isinstance(node, _NESTED):
            first, last = spans[i]
            stack.extend(range(last - 1, first - 1, -1))
    return found, own


_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def _add_children(node: ast.AST, into: list[ast.AST]) -> None:
    """``into.extend(ast.iter_child_nodes(node))`` without its two generators per node, and
    without looking at fields that hold no node (names, constants) at all."""
    for name, many in _child_fields(type(node)):
        value = getattr(node, name, None)
        if many:
            into.extend([item for item in value if item is not None])  # {**x}: a None key
        elif many is None:  # a field the grammar line did not describe: checked as it comes
            if isinstance(value, list):
                into.extend([item for item in value if isinstance(item, ast.AST)])
            elif isinstance(value, ast.AST):
                into.append(value)
        elif value is not None:
            into.append(value)


_LEAF_TYPES = {"identifier", "string", "constant", "int"}
_GRAMMAR_LINE = re.compile(r"\w+\((.*)\)")


@functools.cache
def _child_fields(kind: type) -> tuple[tuple[str, bool | None], ...]:
    """The fields of a node class that may hold nodes: (name, True for a list, False for
    one node or None, None when its grammar line does not say), from that line (the
    class's docstring, ``Name(identifier id, expr_context ctx)``).

    >>> _child_fields(ast.Name), _child_fields(ast.Call)
    ((('ctx', False),), (('func', False), ('args', True), ('keywords', True)))
    """
    match = _GRAMMAR_LINE.fullmatch((kind.__doc__ or "").split("\n", 1)[0].strip())
    declared = dict(reversed(part.rsplit(" ", 1)) for part in match.group(1).split(", ")
                    if " " in part) if match else {}
    found: list[tuple[str, bool | None]] = []
    for name in kind._fields:
        type_text = declared.get(name)
        if type_text is None:
            found.append((name, None))
        elif type_text.rstrip("*?") not in _LEAF_TYPES:
            found.append((name, type_text.endswith("*")))
    return tuple(found)


def calls(function: FunctionNode) -> Iterator[tuple[str, ast.Call]]:
    """(dotted callee name, call node) for each call in the function's own body."""
    for node in body_nodes(function):
        if isinstance(node, ast.Call):
            name = dotted_name(node.func)
            if name:
                yield name, node


def constructed_ids(function: FunctionNode) -> list[tuple[str, str]]:
    """(id, callee's last name) of each call in the function's own body given a literal string
    ``id=``: the components it may build (and return, or place in what it returns).

    >>> constructed_ids(parse_function("def f(x):\\n    return dcc.Graph(id='map', figure=x)"))
    [('map', 'Graph')]
    """
    found: list[tuple[str, str]] = []
    for name, call in calls(function):
        for keyword in call.keywords:
            if (keyword.arg == "id" and isinstance(keyword.value, ast.Constant)
                    and isinstance(keyword.value.value, str)):
                found.append((keyword.value.value, name.rsplit(".", 1)[-1]))
    return found


def set_props_targets(function: FunctionNode) -> list[tuple[str | dict, str]]:
    """(component id, property) written by ``set_props`` calls with literal arguments.

    Any callee named ``set_props`` counts (``dash.set_props``, ``set_props``,
    ``ctx.set_props``, ``callback_context.set_props``). The id must be a literal string or
    dict and the props a dict display or ``dict(...)`` call with literal keys; other calls are
    left out (nothing is guessed).

    >>> f = parse_function("def f(n):\\n    dash.set_props('msg', {'children': n, 'style': {}})")
    >>> set_props_targets(f)
    [('msg', 'children'), ('msg', 'style')]
    """
    found: list[tuple[str | dict, str]] = []
    for name, call in calls(function):
        if name != "set_props" and not name.endswith(".set_props"):
            continue
        args = list(call.args) + [None, None]
        keywords = {k.arg: k.value for k in call.keywords if k.arg}
        id_node = args[0] or keywords.get("component_id")
        props_node = args[1] or keywords.get("props")
        if id_node is None or props_node is None:
            continue
        try:
            component_id = ast.literal_eval(id_node)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            continue
        if not isinstance(component_id, (str, dict)):
            continue
        found.extend((component_id, prop) for prop in _literal_keys(props_node))
    return found


def _literal_keys(node: ast.AST) -> list[str]:
    """The string keys of a ``{...}`` display or a ``dict(key=...)`` call."""
    if isinstance(node, ast.Dict):
        return [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    if isinstance(node, ast.Call) and dotted_name(node.func) == "dict":
        return [k.arg for k in node.keywords if k.arg]
    return []


#: ``ctx`` attributes that tell a callback which Input fired (``args_grouping`` items carry
#: a ``triggered`` flag each).
TRIGGER_ATTRIBUTES = frozenset({"triggered_id", "triggered", "triggered_prop_ids", "args_grouping"})
_CONTEXT_NAMES = frozenset({"ctx", "callback_context"})


@per_function
def reads_trigger(function: FunctionNode) -> bool:
    """True when the function looks at which Input fired.

    That is: reads ``<anything>.triggered_id`` / ``.triggered`` / ``.triggered_prop_ids`` /
    ``.args_grouping``, names ``callback_context`` (``dash.callback_context`` too), hands
    ``ctx``/``callback_context`` to another function (which may read it), or calls a helper
    whose name says it returns the trigger (``trigger()``, ``get_triggered_id()``: the snapshot
    holds the callback's source only, not the helper's). Nested functions count.

    >>> reads_trigger(parse_function("def f(a, b):\\n    return ctx.triggered_id == 'a'"))
    True
    >>> reads_trigger(parse_function("def f(a, b):\\n    return a + b"))
    False
    """
    for node in all_nodes(function):
        if isinstance(node, ast.Attribute) and node.attr in TRIGGER_ATTRIBUTES | {"callback_context"}:
            return True
        if isinstance(node, ast.Name) and node.id == "callback_context":
            return True
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and "trigger" in node.func.id.lower():
                return True
            passed = list(node.args) + [k.value for k in node.keywords]
            if any(isinstance(a, ast.Name) and a.id in _CONTEXT_NAMES for a in passed):
                return True
    return False


def names_read(function: FunctionNode) -> set[str]:
    """Every name the function (nested functions included) loads.

    >>> sorted(names_read(parse_function("def f(a, b):\\n    c = a\\n    return c")))
    ['a', 'c']
    """
    return {
        node.id
        for node in all_nodes(function)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }


def names_derived_from(function: FunctionNode, seeds: set[str],
                       reads: Callable[[ast.AST], bool] | None = None) -> set[str]:
    """``seeds`` plus every name the function assigns (``=``, ``+=``, ``:=``, ``for`` and
    comprehension targets), directly or through other such names, from an expression that reads
    a seed or the trigger (``ctx.triggered_id``, ``callback_context.triggered``, ...), or, when
    ``reads`` is given, an expression it accepts instead of the trigger.

    Real apps read the trigger into a local first (``button = ctx.triggered_id``, then
    ``if button: ...``); a condition on that local is a condition on the trigger.

    >>> source = "def f(n):\\n    c = n or 0\\n    d = [c]\\n    e = 2\\n    t = ctx.triggered_id"
    >>> sorted(names_derived_from(parse_function(source), {"n"}))
    ['c', 'd', 'n', 't']
    """
    flows: list[tuple[ast.AST, ast.AST]] = []  # (target, value) pairs
    for node in all_nodes(function):
        if isinstance(node, ast.Assign):
            flows += [(target, node.value) for target in node.targets]
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and node.value is not None:
            flows.append((node.target, node.value))
        elif isinstance(node, ast.NamedExpr):
            flows.append((node.target, node.value))
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            flows.append((node.target, node.iter))
    derived = set(seeds)
    changed = True
    while changed:
        changed = False
        for target, value in flows:
            if not _reads_any(value, derived, reads):
                continue
            for name in ast.walk(target):
                if isinstance(name, ast.Name) and name.id not in derived:
                    derived.add(name.id)
                    changed = True
    return derived


def _reads_any(expression: ast.AST, names: set[str],
               reads: Callable[[ast.AST], bool] | None = None) -> bool:
    """True when the expression loads one of ``names`` or reads a trigger attribute (or what
    ``reads`` accepts, when given)."""
    if reads is not None:
        return reads(expression) or any(isinstance(node, ast.Name) and node.id in names
                                        for node in ast.walk(expression))
    for node in ast.walk(expression):
        if isinstance(node, ast.Name) and (node.id in names or node.id == "callback_context"):
            return True
        if isinstance(node, ast.Attribute) and node.attr in TRIGGER_ATTRIBUTES:
            return True
    return False
