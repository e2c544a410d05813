"""What a callback function returns: its return statements and whether it can fall off the end."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Iterator

from analysis.source.python import FunctionNode, body_nodes, dotted_name, per_function

#: Calls that never return (the process or the request ends).
_NO_RETURN_CALLS = frozenset({"sys.exit", "exit", "quit", "os._exit", "abort", "flask.abort"})
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


@per_function
def returns(function: FunctionNode) -> list[ast.Return]:
    """The function's own ``return`` statements (nested functions excluded).

    >>> from analysis.source.python import parse_function
    >>> len(returns(parse_function("def f(a):\\n    def g():\\n        return 1\\n    return a")))
    1
    """
    return [node for node in body_nodes(function) if isinstance(node, ast.Return)]


@per_function
def is_generator(function: FunctionNode) -> bool:
    """True when the function's own body yields."""
    return any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in body_nodes(function))


def is_none(node: ast.AST | None) -> bool:
    """True for a missing return value or the literal ``None``."""
    return node is None or (isinstance(node, ast.Constant) and node.value is None)


def may_be_none(node: ast.AST | None) -> bool:
    """True for ``None`` or a conditional expression with a ``None`` branch.

    >>> may_be_none(ast.parse("x if c else None", mode="eval").body)
    True
    """
    if isinstance(node, ast.IfExp):
        return may_be_none(node.body) or may_be_none(node.orelse)
    return is_none(node)


def is_no_update(node: ast.AST | None) -> bool:
    """True for ``no_update`` / ``dash.no_update`` / ``NoUpdate()``.

    >>> is_no_update(ast.parse("dash.no_update", mode="eval").body)
    True
    """
    if isinstance(node, ast.Call):
        node = node.func
    name = dotted_name(node) if node is not None else None
    return bool(name) and name.rsplit(".", 1)[-1] in ("no_update", "NoUpdate")


@per_function
def can_fall_off_end(function: FunctionNode) -> bool:
    """True when some path reaches the end of the body without ``return`` or ``raise``.

    Understands if/else (constant tests too), ``while True`` without ``break``, for/while
    ``else``, try/except/else/finally, ``with``, ``match`` (a ``case _`` ends it), ``assert
    False`` and calls that never return (``sys.exit``, ``flask.abort``).

    >>> from analysis.source.python import parse_function
    >>> can_fall_off_end(parse_function("def f(a):\\n    if a:\\n        return 1"))
    True
    >>> can_fall_off_end(parse_function("def f(a):\\n    while True:\\n        pass"))
    False
    """
    return _block_completes(function.body, _NO_FACTS)


@dataclass(frozen=True)
class CallFacts:
    """What holds whenever Dash calls a callback, known from its registration.

    ``trigger_ids``: ``ctx.triggered_id`` is always one of these (empty: not known).
    ``positive``: parameters that are at least 1 on every call (a click counter that is the
    only Input of a callback whose initial call is prevented). ``trigger_aliases``: locals
    bound once, to ``ctx.triggered_id`` (filled in by ``can_fall_off_end_given``).
    ``dispatch_subjects``: parameters an if/elif chain may dispatch on without an ``else``
    (the author lists the values the app gives them; see ``is_dispatch_chain``).
    ``choices``: (parameter, values) pairs: the parameter always holds one of the values (a
    control that cannot be cleared and offers only these), so a chain naming them all is
    exhaustive.
    """

    trigger_ids: frozenset[str] = frozenset()
    positive: frozenset[str] = frozenset()
    trigger_aliases: frozenset[str] = frozenset()
    dispatch_subjects: frozenset[str] = frozenset()
    choices: tuple[tuple[str, frozenset], ...] = ()


_NO_FACTS = CallFacts()


def can_fall_off_end_given(function: FunctionNode, facts: CallFacts) -> bool:
    """``can_fall_off_end`` where tests that ``facts`` decide are decided: ``if n > 0:`` on a
    positive ``n``, and an if/elif chain over ``ctx.triggered_id`` naming every trigger id.
    Only for parameters the body never rebinds; a local bound once to ``ctx.triggered_id``
    counts as the trigger.

    >>> from analysis.source.python import parse_function
    >>> f = parse_function("def f(n):\\n    if n > 0:\\n        return 1")
    >>> can_fall_off_end_given(f, CallFacts(positive=frozenset({"n"})))
    False
    """
    if facts == _NO_FACTS:
        return can_fall_off_end(function)
    return _block_completes(function.body, _for_body(function, facts))


def _for_body(function: FunctionNode, facts: CallFacts) -> CallFacts:
    """``facts`` less the parameters the body rebinds, plus its trigger aliases."""
    bound = _bound_names(function)
    return CallFacts(facts.trigger_ids, facts.positive - set(bound), _trigger_aliases(function),
                     facts.dispatch_subjects - set(bound),
                     tuple((name, values) for name, values in facts.choices if name not in bound))


def unreachable_returns(function: FunctionNode, facts: CallFacts) -> list[ast.Return]:
    """The returns after a statement that, given ``facts``, never completes (an if/elif over
    ``ctx.triggered_id`` naming every trigger, each branch returning): Dash never gets there.

    >>> from analysis.source.python import parse_function
    >>> f = parse_function("def f(a):\\n    if ctx.triggered_id == 'a':\\n        return 1\\n    return")
    >>> [r.lineno for r in unreachable_returns(f, CallFacts(trigger_ids=frozenset({"a"})))]
    [4]
    """
    if facts == _NO_FACTS:
        return []
    facts = _for_body(function, facts)
    dead: list[ast.Return] = []

    def visit(block: list[ast.stmt]) -> None:
        for position, statement in enumerate(block):
            for field in ("body", "orelse", "finalbody"):
                visit(getattr(statement, field, None) or [])
            for part in getattr(statement, "handlers", None) or getattr(statement, "cases", []):
                visit(part.body)
            if not _completes(statement, facts):
                dead.extend(_own_returns(block[position + 1:]))
                return

    visit(function.body)
    return dead


def _own_returns(statements: list[ast.stmt]) -> Iterator[ast.Return]:
    """The returns in ``statements``, nested functions and classes excluded."""
    stack: list[ast.AST] = list(statements)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Return):
            yield node
        if not isinstance(node, _SCOPES):
            stack.extend(ast.iter_child_nodes(node))


def _bound_names(function: FunctionNode) -> list[str]:
    """Every name the body binds, once per binding."""
    return [n.id for n in body_nodes(function)
            if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)]


def _trigger_aliases(function: FunctionNode) -> frozenset[str]:
    """Locals bound once, to ``ctx.triggered_id`` (``button = ctx.triggered_id``)."""
    bound = _bound_names(function)
    return frozenset(
        node.targets[0].id
        for node in body_nodes(function)
        if isinstance(node, ast.Assign) and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and (_is_triggered_id(node.value) or _is_parsed_trigger(node.value))
        and bound.count(node.targets[0].id) == 1
    )


def no_trigger_returns(function: FunctionNode) -> list[ast.Return]:
    """The returns of a top-level ``if`` that tests for "no trigger" (``not ctx.triggered_id``,
    ``not ctx.triggered``, ``ctx.triggered_id is None``, or the same on a local bound once to
    ``ctx.triggered_id``): Dash gets there only on a call no Input triggered.

    >>> from analysis.source.python import parse_function
    >>> f = parse_function("def f(a):\\n    if not ctx.triggered:\\n        return\\n    return a")
    >>> [r.lineno for r in no_trigger_returns(f)]
    [3]
    """
    aliases = _trigger_aliases(function)
    return [
        statement
        for node in function.body
        if isinstance(node, ast.If) and _tests_no_trigger(node.test, aliases)
        for statement in node.body
        if isinstance(statement, ast.Return)
    ]


def own_none_returns(function: FunctionNode) -> list[ast.Return]:
    """The ``return None`` that follow (or are the ``else`` of) ``if x is not None:`` whose body
    ends in ``return x``: on that path ``x`` is None, so the function is ``return x`` written as
    a guard. Only for a parameter or a local bound once.

    >>> from analysis.source.python import parse_function
    >>> f = parse_function("def f(x):\\n    if x is not None:\\n        return x\\n    return None")
    >>> [r.lineno for r in own_none_returns(f)]
    [4]
    """
    bound = _bound_names(function)
    found: list[ast.Return] = []
    for node in [function, *body_nodes(function)]:
        for block in _blocks(node):
            for guard, after in zip(block, [*block[1:], None]):
                name = _returned_when_not_none(guard)
                if name is None or bound.count(name) > 1:
                    continue
                follower = guard.orelse[0] if guard.orelse else after
                if (len(guard.orelse) <= 1 and isinstance(follower, ast.Return)
                        and isinstance(follower.value, ast.Constant) and follower.value.value is None):
                    found.append(follower)
    return found


def _blocks(node: ast.AST) -> list[list[ast.stmt]]:
    """The statement lists directly inside ``node`` (the function's own body when it is one)."""
    blocks = [getattr(node, field, None) for field in ("body", "orelse", "finalbody")]
    blocks += [part.body for part in getattr(node, "handlers", None) or getattr(node, "cases", [])]
    return [b for b in blocks if isinstance(b, list) and b and isinstance(b[0], ast.stmt)]


def _returned_when_not_none(statement: ast.stmt) -> str | None:
    """``x`` for ``if x is not None: ... return x`` (the body's last statement)."""
    if not (isinstance(statement, ast.If) and isinstance(statement.test, ast.Compare)
            and len(statement.test.ops) == 1 and isinstance(statement.test.ops[0], ast.IsNot)
            and isinstance(statement.test.left, ast.Name)
            and isinstance(statement.test.comparators[0], ast.Constant)
            and statement.test.comparators[0].value is None):
        return None
    name, last = statement.test.left.id, statement.body[-1]
    if isinstance(last, ast.Return) and isinstance(last.value, ast.Name) and last.value.id == name:
        return name
    return None


def _tests_no_trigger(test: ast.expr, aliases: frozenset[str]) -> bool:
    def is_trigger(node: ast.expr) -> bool:
        name = dotted_name(node) or ""
        triggered = name.rsplit(".", 1)[-1] == "triggered" and name.split(".")[-2:-1] in (
            ["ctx"], ["callback_context"])
        return triggered or _is_triggered_id(node) or (
            isinstance(node, ast.Name) and node.id in aliases)

    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return is_trigger(test.operand)
    return (
        isinstance(test, ast.Compare) and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.Is, ast.Eq)) and is_trigger(test.left)
        and isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value is None
    )


def _block_completes(statements: list[ast.stmt], facts: CallFacts) -> bool:
    return all(_completes(statement, facts) for statement in statements)


def _completes(node: ast.stmt, facts: CallFacts) -> bool:
    """Whether execution can continue after this statement."""
    if isinstance(node, (ast.Return, ast.Raise, ast.Break, ast.Continue)):
        return False
    if isinstance(node, ast.Assert):
        return _constant_truth(node.test, facts) is not False
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        return dotted_name(node.value.func) not in _NO_RETURN_CALLS
    if isinstance(node, ast.If):
        if (_covers_every_trigger(node, facts) or is_dispatch_chain(node, facts.dispatch_subjects)
                or _covers_every_choice(node, facts)):
            return any(_block_completes(branch, facts) for branch in _chain_bodies(node))
        truth = _constant_truth(node.test, facts)
        if truth is True:
            return _block_completes(node.body, facts)
        if truth is False:
            return _block_completes(node.orelse, facts)
        return _block_completes(node.body, facts) or _block_completes(node.orelse, facts)
    if isinstance(node, ast.While) and _constant_truth(node.test, facts) is True:
        return _has_break(node)
    if isinstance(node, _LOOPS):
        return _has_break(node) or _block_completes(node.orelse, facts)
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return _block_completes(node.body, facts)
    if isinstance(node, (ast.Try, ast.TryStar)):
        if not _block_completes(node.finalbody, facts):
            return False
        normal = _block_completes(node.body, facts) and _block_completes(node.orelse, facts)
        return normal or any(_block_completes(h.body, facts) for h in node.handlers)
    if isinstance(node, ast.Match):
        if any(_block_completes(case.body, facts) for case in node.cases):
            return True
        return not any(_irrefutable(case) for case in node.cases)
    return True


def _constant_truth(node: ast.expr, facts: CallFacts = _NO_FACTS) -> bool | None:
    if isinstance(node, ast.Constant):
        return bool(node.value)
    if facts.positive and _holds_for_positive(node, facts.positive):
        return True
    return None


def _holds_for_positive(test: ast.expr, positive: frozenset[str]) -> bool:
    """True for ``n``, ``n > 0``, ``n >= 1``, ``0 < n``, ``n is not None``, ``n != 0`` with
    ``n`` in ``positive`` (a value of at least 1)."""
    if isinstance(test, ast.Name):
        return test.id in positive
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return False
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(right, ast.Name) and isinstance(left, ast.Constant):  # 0 < n
        left, right = right, left
        op = {ast.Lt: ast.Gt(), ast.LtE: ast.GtE()}.get(type(op), op)
    if not (isinstance(left, ast.Name) and left.id in positive and isinstance(right, ast.Constant)):
        return False
    bound = right.value
    if isinstance(op, ast.IsNot):
        return bound is None
    if isinstance(bound, bool) or not isinstance(bound, (int, float)):
        return False
    if isinstance(op, ast.Gt):
        return bound < 1
    if isinstance(op, ast.GtE):
        return bound <= 1
    if isinstance(op, ast.NotEq):
        return bound < 1
    return False


def _chain_bodies(node: ast.If) -> list[list[ast.stmt]]:
    """The bodies of an if/elif chain (its final ``else`` last, when it has one)."""
    bodies = [node.body]
    while len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
        node = node.orelse[0]
        bodies.append(node.body)
    if node.orelse:
        bodies.append(node.orelse)
    return bodies


def _covers_every_trigger(node: ast.If, facts: CallFacts) -> bool:
    """True for an if/elif chain whose tests compare ``ctx.triggered_id`` (or a local alias)
    with every trigger id (``==`` or ``in`` a literal tuple/list/set): some branch always runs."""
    if not facts.trigger_ids:
        return False
    named: set[str] = set()
    while True:
        named |= _trigger_ids_tested(node.test, facts.trigger_aliases)
        if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
            node = node.orelse[0]
            continue
        return facts.trigger_ids <= named


def _covers_every_choice(node: ast.If, facts: CallFacts) -> bool:
    """True for an if/elif chain whose ``==``/``in`` tests on one parameter name every value
    that parameter can hold (``facts.choices``): some branch always runs."""
    for name, values in facts.choices:
        named: set[object] = set()
        chain: ast.If | None = node
        while chain is not None:
            named |= _literals_compared(chain.test, name)
            orelse = chain.orelse
            chain = orelse[0] if len(orelse) == 1 and isinstance(orelse[0], ast.If) else None
        if values <= named:
            return True
    return False


def _literals_compared(test: ast.expr, name: str) -> set[object]:
    """The literals ``test`` says ``name`` equals (``name == "a"``, ``"a" == name``,
    ``name in ("a", "b")``); empty for any other test."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return set()
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(op, ast.Eq) and isinstance(right, ast.Name):
        left, right = right, left
    if not (isinstance(left, ast.Name) and left.id == name):
        return set()
    if isinstance(op, ast.Eq) and isinstance(right, ast.Constant):
        return {right.value}
    if isinstance(op, ast.In) and isinstance(right, (ast.Tuple, ast.List, ast.Set)):
        return {e.value for e in right.elts if isinstance(e, ast.Constant)}
    return set()


def is_dispatch_chain(node: ast.If, subjects: frozenset[str]) -> bool:
    """True for an if/elif chain without ``else`` (two tests or more) whose every test compares
    the same parameter from ``subjects`` with literals: ``==``, ``is``, ``in`` a literal
    tuple/list/set, ``.startswith``/``.endswith``.

    >>> chain = ast.parse("if c.startswith('a:'):\\n    pass\\nelif c == 'b':\\n    pass").body[0]
    >>> is_dispatch_chain(chain, frozenset({"c"}))
    True
    """
    if not subjects:
        return False
    tested: set[str | None] = set()
    tests = 0
    while True:
        tested.add(_dispatch_subject(node.test))
        tests += 1
        if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
            node = node.orelse[0]
            continue
        return not node.orelse and tests >= 2 and len(tested) == 1 and tested <= subjects


def _dispatch_subject(test: ast.expr) -> str | None:
    """The name ``test`` compares with literals (``name == "x"``, ``name.startswith("x")``...)."""
    def literal(node: ast.expr) -> bool:
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return bool(node.elts) and all(literal(e) for e in node.elts)
        return isinstance(node, ast.Constant)

    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute):
        method, subject = test.func.attr, test.func.value
        if (method in ("startswith", "endswith") and isinstance(subject, ast.Name)
                and len(test.args) == 1 and not test.keywords and literal(test.args[0])):
            return subject.id
        return None
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(op, ast.Eq) and isinstance(right, ast.Name):
        left, right = right, left
    if isinstance(left, ast.Name) and isinstance(op, (ast.Eq, ast.Is, ast.In)) and literal(right):
        return left.id
    return None


def _trigger_ids_tested(test: ast.expr, aliases: frozenset[str]) -> set[str]:
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return set()
    left, op, right = test.left, test.ops[0], test.comparators[0]

    def is_trigger(node: ast.expr) -> bool:
        return _is_triggered_id(node) or (isinstance(node, ast.Name) and node.id in aliases)

    if isinstance(op, ast.Eq) and is_trigger(right):
        left, right = right, left
    if not is_trigger(left):
        return set()
    if isinstance(op, ast.Eq) and isinstance(right, ast.Constant) and isinstance(right.value, str):
        return {right.value}
    if isinstance(op, ast.In) and isinstance(right, (ast.Tuple, ast.List, ast.Set)):
        return {e.value for e in right.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
    return set()


def _is_triggered_id(node: ast.expr) -> bool:
    """``ctx.triggered_id``, ``callback_context.triggered_id``, ``dash.ctx.triggered_id``."""
    name = dotted_name(node) or ""
    return name.rsplit(".", 1)[-1] == "triggered_id" and name.split(".")[-2:-1] in (
        ["ctx"], ["callback_context"])


def _is_parsed_trigger(node: ast.expr) -> bool:
    """``ctx.triggered[0]["prop_id"].split(".")[0]``: the triggered id parsed by hand. Over
    string ids it equals ``ctx.triggered_id`` ("" with no trigger); over dict ids it is a JSON
    text that equals no string literal a chain could name, so a chain over it covers nothing.

    >>> _is_parsed_trigger(ast.parse('ctx.triggered[0]["prop_id"].split(".")[0]', mode="eval").body)
    True
    """
    def constant(n: ast.expr, value: object) -> bool:
        return isinstance(n, ast.Constant) and n.value == value and type(n.value) is type(value)

    if not (isinstance(node, ast.Subscript) and constant(node.slice, 0)):
        return False
    call = node.value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and call.func.attr == "split" and len(call.args) == 1 and not call.keywords
            and constant(call.args[0], ".")):
        return False
    prop_id = call.func.value
    if not (isinstance(prop_id, ast.Subscript) and constant(prop_id.slice, "prop_id")):
        return False
    first = prop_id.value
    if not (isinstance(first, ast.Subscript) and constant(first.slice, 0)):
        return False
    name = dotted_name(first.value) or ""
    return name.rsplit(".", 1)[-1] == "triggered" and name.split(".")[-2:-1] in (
        ["ctx"], ["callback_context"])


def _irrefutable(case: ast.match_case) -> bool:
    pattern = case.pattern
    while isinstance(pattern, ast.MatchAs) and pattern.pattern is not None:
        pattern = pattern.pattern
    return case.guard is None and isinstance(pattern, ast.MatchAs)


def _has_break(loop: ast.stmt) -> bool:
    """True when a ``break`` leaves this loop (breaks of nested loops do not)."""
    return any(isinstance(n, ast.Break) for n in _loop_own_nodes(loop.body))


def _loop_own_nodes(statements: list[ast.stmt]) -> Iterator[ast.AST]:
    stack: list[ast.AST] = list(statements)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, _LOOPS):
            stack.extend(node.orelse)  # a break in the else belongs to the outer loop
            continue
        if isinstance(node, _SCOPES):
            continue
        stack.extend(ast.iter_child_nodes(node))


def is_refusal(statement: ast.stmt) -> bool:
    """True for ``raise PreventUpdate`` or returning ``no_update`` (for one or every Output).

    >>> is_refusal(ast.parse("return no_update, dash.no_update").body[0])
    True
    """
    if isinstance(statement, ast.Raise) and statement.exc is not None:
        exc = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
        return (dotted_name(exc) or "").endswith("PreventUpdate")
    if isinstance(statement, ast.Return):
        value = statement.value
        if isinstance(value, (ast.Tuple, ast.List)) and value.elts:
            return all(is_no_update(e) for e in value.elts)
        return is_no_update(value)
    return False
