"""Edge cases of DASH060, DASH061, DASH090 and DASH091 on hand-built snapshots."""

from __future__ import annotations

import pytest

from analysis.snapshot import AppInfo, Dependency
from rules_b_factory import clientside, names, server, snap

# DASH090 signature-mismatch ------------------------------------------------------------------

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
    assert names("DASH090", snap(server(0, source, inputs, states, **fields))) == []


@pytest.mark.parametrize(("source", "inputs", "states", "fields"), SIGNATURES_BAD)
def test_signature_that_cannot_bind_is_reported(source, inputs, states, fields) -> None:
    assert names("DASH090", snap(server(0, source, inputs, states, **fields))) == ["f"]


def test_signature_unknown_shapes_are_left_alone() -> None:
    method = server(0, "def f(self, a, b): pass", ["x.value"])
    nested_class = server(1, "def g(a, b): pass", ["x.value"], function="app.Panel.g")
    wrapped = server(2, "def h(a, b): pass", ["x.value"], wrappers=("app.login_required.<locals>.w",))
    decorated = server(3, "@callback(Output('o', 'c'), Input('x', 'value'))\n@logged\ndef k(a, b): pass",
                       ["x.value"])
    cached = server(4, "def m(a, b): pass", ["x.value"], wrappers=("functools.lru_cache",))
    assert names("DASH090", snap(method, nested_class, wrapped, decorated, cached)) == ["m"]


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
    assert names("DASH090", snap(callback)) == (["js0"] if bad else [])


# DASH091 return-arity-mismatch --------------------------------------------------------------

TWO_OUTPUTS = ("a.children", "b.children")


@pytest.mark.parametrize(
    ("body", "decorator", "bad"),
    [
        ("return 1, 2", "", False),
        ("return [1, 2]", "", False),
        ("return no_update", "", False),
        ("return [no_update] * 2", "", False),
        ("return values", "", False),
        ("return (*values,)", "", False),
        ("def inner():\n        return 1, 2, 3\n    return inner(), 2", "", False),
        ("return 1, 2, 3", "", True),
        ("if n:\n        return [1]\n    return 1, 2", "", True),
        ("return 1, (2, 3)", "@callback(output=[Output('a', 'x'), [Output('b', 'y'), Output('c', 'z')]], inputs=Input('n', 'v'))\n", False),
        ("return 1, 2, 3", "@callback(dict(a=Output('a', 'x'), b=Output('b', 'y')), Input('n', 'v'))\n", False),
    ],
)
def test_multi_output_return_lengths(body, decorator, bad) -> None:
    source = f"{decorator}def f(n, values=()):\n    {body}"
    callback = server(0, source, ["n.value"], outputs=TWO_OUTPUTS, multi_output=True)
    assert names("DASH091", snap(callback)) == (["f"] if bad else [])


def test_single_output_may_return_a_list() -> None:
    callback = server(0, "def f(n):\n    return [1, 2, 3]", ["n.value"])
    assert names("DASH091", snap(callback)) == []


# DASH060 blocking-call-in-async -------------------------------------------------------------

@pytest.mark.parametrize(
    ("body", "bad"),
    [
        ("await asyncio.sleep(1)", False),
        ("await asyncio.to_thread(time.sleep, 1)", False),
        ("await asyncio.to_thread(lambda: requests.get(URL))", False),
        ("await loop.run_in_executor(None, functools.partial(requests.get, URL))", False),
        ("with open('rates.json') as handle:\n        return handle.read()", False),
        ("raise requests.exceptions.HTTPError('no')", False),
        ("async with httpx.AsyncClient() as client:\n        return await client.get(URL)", False),
        ("def later():\n        time.sleep(1)\n    return await asyncio.to_thread(later)", False),
        ("time.sleep(1)", True),
        ("return requests.post(URL, json={}).json()", True),
        ("return subprocess.check_output(['ls'])", True),
        ("sleep(1)", True),  # time.sleep, or an asyncio.sleep never awaited
    ],
)
def test_blocking_calls_in_async_callbacks(body, bad) -> None:
    callback = server(0, f"async def f(n):\n    {body}\n    return n", ["n.value"], is_async=True)
    assert names("DASH060", snap(callback)) == (["f"] if bad else [])


def test_blocking_call_in_sync_or_background_async_callback_is_fine() -> None:
    plain = server(0, "def f(n):\n    time.sleep(1)\n    return n", ["n.value"])
    background = server(1, "async def g(n):\n    time.sleep(1)\n    return n", ["n.value"],
                        is_async=True, background=True)
    assert names("DASH060", snap(plain, background)) == []


# DASH061 async-unavailable ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("use_async", "available", "bad"),
    [(True, True, False), (None, True, False), (False, True, True), (False, False, True),
     (None, False, True)],
)
def test_async_callbacks_need_an_async_app(use_async, available, bad) -> None:
    app = AppInfo("app:app", primary=True, use_async=use_async, async_available=available)
    callback = server(0, "async def f(n):\n    return n", ["n.value"], is_async=True)
    sync = server(1, "def g(n):\n    return n", ["n.value"])
    assert names("DASH061", snap(callback, sync, app=app)) == (["f"] if bad else [])
