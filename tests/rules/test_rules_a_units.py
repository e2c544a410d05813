"""Unit tests of the helpers behind DASH002-DASH051: return paths, trigger reads, argument binding,
and rule cases the fixture apps cannot show (hand-built snapshots)."""

from __future__ import annotations

import textwrap

import pytest

from analysis.context import LintContext
from analysis.source.flow import can_fall_off_end
from analysis.rules import get_rule
from analysis.snapshot import AppInfo, Callback, Dependency, Snapshot
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


def callback(index: int, **fields) -> Callback:
    fields.setdefault("function", f"m.cb{index}")
    return Callback(index=index, file="m.py", line=index * 10 + 1, **fields)


def run(code: str, callbacks, apps=(AppInfo("m:app", primary=True),)):
    snapshot = Snapshot(target="m.py", root="/", callbacks=tuple(callbacks), apps=tuple(apps))
    return list(get_rule(code).run(LintContext(snapshot)))


def test_dash002_dash_callback_against_app_callback_is_a_collision():
    key = "abc123"
    found = run("DASH002", [
        callback(0, no_output=True, output_key=key, app="m:app"),
        callback(1, no_output=True, output_key=key, app=None),
    ])
    assert [f.callbacks for f in found] == [(0, 1)]


def test_dash002_plain_duplicate_outputs_are_left_to_dash001():
    out = (Dependency("x", "children"),)
    found = run("DASH002", [
        callback(0, outputs=out, output_key="x.children", app="m:app"),
        callback(1, outputs=out, output_key="x.children", app="m:app"),
    ])
    assert found == []


def test_dash010_namespaced_clientside_function_is_not_guessed():
    inputs = (Dependency("b", "n_clicks"),)
    found = run("DASH010", [
        callback(0, kind="clientside", function="clientside:ns.f", inputs=inputs),
        callback(1, kind="clientside", function="clientside:inline", inputs=inputs,
                 js_source="function (n) { return n; }"),
    ])
    assert [f.callbacks for f in found] == [(1,)]


def test_dash010_app_level_initial_duplicate_does_not_prevent():
    apps = (AppInfo("m:app", primary=True, prevent_initial_callbacks="initial_duplicate"),)
    cb = callback(0, inputs=(Dependency("b", "n_clicks"),), app="m:app",
                  source="def f(n):\n    return n")
    assert [f.callbacks for f in run("DASH010", [cb], apps)] == [(0,)]


def test_dash030_unknown_binding_falls_back_to_the_catalog_rule():
    cb = callback(0, inputs=(Dependency("b", "n_clicks"), Dependency("d", "value")),
                  outputs=(Dependency("o", "children"),), arg_grouping=None,
                  source="def f(*values):\n    return str(values)")
    assert [f.callbacks for f in run("DASH030", [cb])] == [(0,)]


def test_python_body_rules_skip_clientside_callbacks():
    cb = callback(0, kind="clientside", function="clientside:inline", no_output=True,
                  inputs=(Dependency("a", "value"), Dependency("o", "value")),
                  outputs=(Dependency("o", "value"),),
                  js_source="function (a, o) { return ctx.triggered[0]['prop_id']; }")
    for code in ("DASH020", "DASH030", "DASH032", "DASH041", "DASH050", "DASH051"):
        assert run(code, [cb]) == [], code


@pytest.mark.parametrize("body, wants_property", [
    ('prop = ctx.triggered[0]["prop_id"].split(".")[1]', True),
    ('prop = ctx.triggered[0]["prop_id"].split(".")[-1]', True),
    ('which, prop = ctx.triggered[0]["prop_id"].split(".")', True),
    ('prop = ctx.triggered[0]["prop_id"].rpartition(".")[2]', True),
    ('which = ctx.triggered[0]["prop_id"].split(".")[0]', False),
    ('which, _ = ctx.triggered[0]["prop_id"].split(".")', False),
])
def test_dash032_suggests_triggered_prop_ids_when_the_property_half_is_used(body, wants_property):
    from analysis.rules.dash032_legacy_trigger_parsing import uses_property_part

    assert uses_property_part(fn(f"def f(a, b):\n    {body}")) is wants_property
