"""DASH090 signature-mismatch on the bad fixture app and on hand-made signatures (Python and JavaScript)."""

from __future__ import annotations

import pytest

from analysis.lint import LintSettings, lint
from analysis.snapshot import Dependency
from snapshot_factory import (
    BAD_APP, clientside, probed, reported_names, server, snapshot_with_layout,
)


def test_signature_mismatch_python_and_inline_clientside() -> None:
    bad = probed(BAD_APP)
    findings = lint(bad, LintSettings(select=("DASH090",)))
    names = sorted(f.functions[0].rsplit(".", 1)[-1] for f in findings)
    assert names[-2:] == ["show_net", "show_total"]
    (inline,) = [f for f in findings if f.functions[0].startswith("clientside:")]
    js = next(cb for cb in bad.callbacks if cb.index == inline.callbacks[0])
    assert js.kind == "clientside" and "extra" in js.js_source
    assert (inline.file, inline.line) == ("bad_app.py", js.line)


SIGNATURES_OK = [
    ("def f(a, b, c): pass", ["x.value", "y.value"], ["z.value"], {}),
    ("def f(a, b, c=None, d=None): pass", ["x.value", "y.value"], [], {}),
    ("def f(*values): pass", ["x.value", "y.value"], ["z.value"], {}),
    ("def f(first, *rest, scale=1): pass", ["x.value", "y.value"], [], {}),
    ("def f(a, **extra): pass", ["x.value"], [], {}),
    ("def f(price, qty): pass", ["x.value", "y.value"], [],
     {"arg_grouping": {"qty": 0, "price": 1}}),
    ("def f(qty, **others): pass", ["x.value", "y.value"], [],
     {"arg_grouping": {"qty": 0, "price": 1}}),
    ("def f(pair, single): pass", ["x.value", "y.value", "z.value"], [],
     {"arg_grouping": [[0, 1], 2]}),
    ("def f(value): pass", ["x.value"], [], {"arg_grouping": 0}),
    ("def f(set_progress, n): pass", ["x.n_clicks"], [],
     {"background": True, "progress": (Dependency("bar", "value"),)}),
    ("def f(set_progress, *, n): pass", ["x.n_clicks"], [],
     {"background": True, "progress": (Dependency("bar", "value"),),
      "arg_grouping": {"n": 0}}),
    ("def f(n): pass", ["x.n_clicks"], [], {"background": True}),  # no progress: no extra arg
]
SIGNATURES_BAD = [
    ("def f(a, b): pass", ["x.value", "y.value"], ["z.value"], {}),
    ("def f(a, b, c): pass", ["x.value", "y.value"], [], {}),
    ("def f(a, *, scale): pass", ["x.value"], [], {}),
    ("def f(price, qty): pass", ["x.value", "y.value"], [],
     {"arg_grouping": {"quantity": 0, "price": 1}}),
    ("def f(a, /, b): pass", ["x.value", "y.value"], [], {"arg_grouping": {"a": 0, "b": 1}}),
    ("def f(n): pass", ["x.n_clicks"], [],
     {"background": True, "progress": (Dependency("bar", "value"),)}),
]


@pytest.mark.parametrize(("source", "inputs", "states", "fields"), SIGNATURES_OK)
def test_signature_binds_like_dash_calls_it(source, inputs, states, fields) -> None:
    assert reported_names("DASH090", snapshot_with_layout(server(0, source, inputs, states, **fields))) == []


@pytest.mark.parametrize(("source", "inputs", "states", "fields"), SIGNATURES_BAD)
def test_signature_that_cannot_bind_is_reported(source, inputs, states, fields) -> None:
    snap = snapshot_with_layout(server(0, source, inputs, states, **fields))
    assert reported_names("DASH090", snap) == ["f"]


def test_signature_unknown_shapes_are_left_alone() -> None:
    method = server(0, "def f(self, a, b): pass", ["x.value"])
    nested_class = server(1, "def g(a, b): pass", ["x.value"], function="app.Panel.g")
    wrapped = server(2, "def h(a, b): pass", ["x.value"], wrappers=("app.login_required.<locals>.w",))
    decorated = server(3, "@callback(Output('o', 'c'), Input('x', 'value'))\n@logged\ndef k(a, b): pass",
                       ["x.value"])
    cached = server(4, "def m(a, b): pass", ["x.value"], wrappers=("functools.lru_cache",))
    snap = snapshot_with_layout(method, nested_class, wrapped, decorated, cached)
    assert reported_names("DASH090", snap) == ["m"]


@pytest.mark.parametrize(
    ("js", "bad"),
    [
        ("function(a, b) { return a + b; }", False),
        ("(a, b) => a + b", False),
        ("async function(a) { return a; }", False),  # fewer params: trailing values unused
        ("function() { return Date.now(); }", False),
        ("function(a, b, c = 0) { return a; }", False),  # c has a default
        ("function(...values) { return values.length; }", False),
        ("function(a, b, c) { return arguments.length; }", False),
        ("/* sum */ function(a, b, c) { return a + b + c; }", True),
        ("(a, {x, y}, c) => a", True),
        ("function(a, b, extra) { return a; }", True),
    ],
)
def test_inline_clientside_parameters(js, bad) -> None:
    callback = clientside(0, js, inputs=["x.value"], states=["y.value"])
    assert reported_names("DASH090", snapshot_with_layout(callback)) == (["js0"] if bad else [])
