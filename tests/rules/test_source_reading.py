"""The static reading the rules rely on: return paths, trigger reads, which parameter gets
which dependency."""

from __future__ import annotations

import textwrap

import pytest

from analysis.source.flow import can_fall_off_end
from analysis.source.python import parse_function, reads_trigger
from analysis.source.signature import dependency_parameters


def fn(source: str):
    return parse_function(textwrap.dedent(source))


@pytest.mark.parametrize(
    "source, falls",
    [
        ("def f(a):\n    return a", False),
        ("def f(a):\n    if a:\n        return 1", True),
        ("def f(a):\n    if a:\n        return 1\n    else:\n        raise ValueError", False),
        ("def f(a):\n    while True:\n        if a:\n            return 1", False),
        ("def f(a):\n    while True:\n        if a:\n            break\n    ", True),
        ("def f(a):\n    while True:\n        for x in a:\n            break", False),
        ("def f(a):\n    for x in a:\n        return x", True),
        ("def f(a):\n    for x in a:\n        return x\n    else:\n        raise E", False),
        ("def f(a):\n    try:\n        return g()\n    except E:\n        pass", True),
        ("def f(a):\n    try:\n        return g()\n    except E:\n        raise", False),
        ("def f(a):\n    try:\n        pass\n    finally:\n        return 1", False),
        ("def f(a):\n    with m:\n        return 1", False),
        ("def f(a):\n    match a:\n        case 1:\n            return 1", True),
        ("def f(a):\n    match a:\n        case 1:\n            return 1\n        case _:\n            return 2", False),
        ("def f(a):\n    match a:\n        case 1:\n            return 1\n        case x if x:\n            return 2", True),
        ("def f(a):\n    assert False", False),
        ("def f(a):\n    sys.exit(1)", False),
        ("def f(a):\n    if True:\n        return 1", False),
    ],
)
def test_can_fall_off_end(source, falls):
    assert can_fall_off_end(fn(source)) is falls


@pytest.mark.parametrize(
    "body, reads",
    [
        ("return ctx.triggered_id", True),
        ("return dash.callback_context.inputs", True),
        ("return [t for t in ctx.triggered_prop_ids]", True),
        ("return which_button(ctx)", True),
        ("return ctx.args_grouping", True),
        ("return a + b", False),
        ("return ctx.inputs", False),
        ("return trigger().split('.')[0]", True),  # a same-module helper named for it
        ("return get_triggered_id()", True),
        ("return compute(a)", False),
        ("return self.trigger()", False),  # a method: not a module-level helper
    ],
)
def test_reads_trigger(body, reads):
    assert reads_trigger(fn(f"def f(a, b):\n    {body}")) is reads


def test_dependency_parameters_binding_forms():
    assert dependency_parameters(fn("def f(*args):\n    pass"), [0, 1]) == {0: "args", 1: "args"}
    assert dependency_parameters(fn("def f(a):\n    pass"), [0, 1]) is None
    assert dependency_parameters(fn("def f(a, b):\n    pass"), {"b": 0, "a": 1}) == {0: "b", 1: "a"}
    assert dependency_parameters(fn("def f(g):\n    pass"), [{"x": 0, "y": [1, 2]}]) == {
        0: "g", 1: "g", 2: "g",
    }
    assert dependency_parameters(fn("def f(a):\n    pass"), None) is None


def test_functions_parse_from_several_threads_at_once():
    """The explorer lints from request threads; CPython 3.11's ast.parse keeps one recursion
    counter per interpreter, so a thread switch inside a parse failed with SystemError."""
    from thread_race import errors_of_racing

    source = "def f(x):\n" + "".join(
        f"    if x == {i}:\n        return [{{'a': (1, [2, (3, {i})])}}]\n" for i in range(300))

    def parse_repeatedly() -> None:
        for _ in range(20):
            assert parse_function(source).name == "f"

    assert errors_of_racing(*[parse_repeatedly] * 4) == []
