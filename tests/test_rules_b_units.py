"""Edge cases of DASH060-DASH091 on hand-built snapshots (what the fixture apps cannot vary)."""

from __future__ import annotations

import textwrap

import pytest

from analysis.context import LintContext
from analysis.rules import get_rule
from analysis.snapshot import AppInfo, Callback, Component, Dependency, Layout, Snapshot

ALL, MATCH = ["ALL"], ["MATCH"]
TYPES = {
    "dash_core_components.Graph": ("id", "figure", "clickData", "selectedData", "style"),
    "dash_core_components.Checklist": ("id", "options", "value"),
    "dash_core_components.Dropdown": ("id", "options", "value", "multi"),
    "dash_html_components.Div": ("id", "children", "style", "n_clicks", "data-*", "aria-*"),
}


def server(index: int, source: str, inputs=(), states=(), outputs=("out.children",),
           **fields) -> Callback:
    """A server callback whose function name and arg grouping follow its source."""
    source = textwrap.dedent(source).strip("\n")
    name = source.split("def ", 1)[1].split("(", 1)[0]
    ins = tuple(_dep(s) for s in inputs)
    sts = tuple(_dep(s) for s in states)
    fields.setdefault("arg_grouping", list(range(len(ins) + len(sts))))
    fields.setdefault("function", f"app.{name}")
    return Callback(index=index, module="app", file="app.py",
                    line=10 * index + 1, source=source, inputs=ins, states=sts,
                    outputs=tuple(_dep(s) for s in outputs), **fields)


def clientside(index: int, js: str, inputs=(), states=()) -> Callback:
    return Callback(index=index, function=f"clientside:inline.js{index}", kind="clientside",
                    file="app.py", line=10 * index + 1, js_source=js,
                    inputs=tuple(_dep(s) for s in inputs), states=tuple(_dep(s) for s in states),
                    outputs=(Dependency("out", "children"),))


def _dep(spec) -> Dependency:
    if isinstance(spec, Dependency):
        return spec
    component, prop = spec.rsplit(".", 1)
    return Dependency(component, prop)


def snap(*callbacks: Callback, components=(), app: AppInfo | None = None,
         layouts: tuple[Layout, ...] | None = None) -> Snapshot:
    app = app or AppInfo("app:app", primary=True, use_async=True, async_available=True)
    layouts = layouts if layouts is not None else (Layout("app", app.name),)
    comps = tuple(Component(cid, kind, "app") for cid, kind in components)
    return Snapshot(target="app.py", root="/nonexistent", callbacks=callbacks, apps=(app,),
                    layouts=layouts, components=comps, component_types=TYPES)


def names(code: str, snapshot: Snapshot) -> list[str]:
    findings = list(get_rule(code).run(LintContext(snapshot)))
    return sorted(f.functions[0].rsplit(".", 1)[-1] for f in findings)


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


# DASH063 unhashable-cache -------------------------------------------------------------------

CACHED = "@callback(Output('o', 'children'), Input('x', 'value'))\n@lru_cache(maxsize=8)\n"
COMPONENTS = [("regions", "dash_core_components.Checklist"),
              ("year", "dash_core_components.Dropdown"), ("chart", "dash_core_components.Graph")]


@pytest.mark.parametrize(
    ("inputs", "bad"),
    [
        (["year.value"], False),  # a single-value Dropdown: hashable
        (["chart.clickData"], True),
        (["regions.value"], True),
        ([Dependency({"type": "f", "index": ALL}, "value")], True),
        ([Dependency({"type": "f", "index": MATCH}, "value")], False),
    ],
)
def test_lru_cache_on_a_callback(inputs, bad) -> None:
    callback = server(0, CACHED + "def f(v):\n    return v", inputs, wrappers=("functools.lru_cache",))
    assert names("DASH063", snap(callback, components=COMPONENTS)) == (["f"] if bad else [])


def test_lru_cache_above_the_callback_decorator_does_not_wrap_what_dash_calls() -> None:
    source = "@lru_cache\n@callback(Output('o', 'children'), Input('x', 'value'))\ndef f(v):\n    return v"
    callback = server(0, source, ["chart.figure"])
    assert names("DASH063", snap(callback, components=COMPONENTS)) == []


def test_cached_helper_calls_read_from_the_module(tmp_path) -> None:
    (tmp_path / "app.py").write_text("@functools.lru_cache\ndef describe(points):\n    return points\n")
    calls = {
        "direct": ("return describe(selected)", True),
        "keyword": ("return describe(points=selected)", True),
        "as_tuple": ("return describe(tuple(selected))", False),
        "as_text": ("return describe(json.dumps(selected))", False),
        "rebound": ("selected = tuple(selected)\n    return describe(selected)", False),
        "other": ("return summarise(selected)", False),
    }
    callbacks = [server(i, f"def {name}(selected):\n    {body}", ["chart.selectedData"])
                 for i, (name, (body, _)) in enumerate(calls.items())]
    snapshot = snap(*callbacks, components=COMPONENTS)
    snapshot = Snapshot(**{**snapshot.__dict__, "root": str(tmp_path)})
    assert names("DASH063", snapshot) == sorted(n for n, (_, bad) in calls.items() if bad)


# DASH070 id-not-in-layout, DASH080 running-target-missing ------------------------------------

def test_missing_ids_respect_allow_optional() -> None:
    optional = Dependency("maybe", "value", allow_optional=True)
    ok = server(0, "def ok(v):\n    return v", [optional], outputs=("chart.figure",))
    bad = server(1, "def bad(v):\n    return v", ["maybe.value"], outputs=("chart.figure",))
    assert names("DASH070", snap(ok, bad, components=COMPONENTS)) == ["bad"]


def test_pattern_ids_missing_unless_a_callback_can_create_them() -> None:
    pattern = Dependency({"type": "filtr", "index": ALL}, "value")
    reader = server(0, "def reader(v):\n    return v", [pattern], outputs=("chart.figure",))
    assert names("DASH070", snap(reader, components=COMPONENTS)) == ["reader"]
    creator = server(1, "def creator(n):\n    return []", ["year.value"],
                     outputs=("regions.options", "box.children"))
    creator_box = [*COMPONENTS, ("box", "dash_html_components.Div")]
    assert names("DASH070", snap(reader, creator, components=creator_box)) == []
    present = [*COMPONENTS, ({"type": "filtr", "index": 1}, "dash_core_components.Dropdown")]
    assert names("DASH070", snap(reader, components=present)) == []


def test_running_targets_must_exist() -> None:
    running = (Dependency("run", "disabled"), Dependency("spinner", "style"))
    callback = server(0, "def job(n):\n    return n", ["run.n_clicks"], outputs=("chart.figure",),
                      running=running)
    present = [*COMPONENTS, ("run", "dash_html_components.Div")]
    assert names("DASH080", snap(callback, components=present)) == ["job"]
    with_spinner = [*present, ("spinner", "dash_html_components.Div")]
    assert names("DASH080", snap(callback, components=with_spinner)) == []
    suppressed = AppInfo("app:app", primary=True, suppress_callback_exceptions=True)
    assert names("DASH080", snap(callback, components=present, app=suppressed)) == []


# DASH071 invalid-property, DASH072 duplicate-component-id ------------------------------------

@pytest.mark.parametrize(
    ("dependency", "bad"),
    [
        ("chart.figure", False),
        ("chart.id", False),
        ("box.data-state", False),
        ("box.aria-label", False),
        ("mystery.anything", False),  # a type whose props are unknown
        ("flow.anything", False),  # a type without a prop list (Flow components)
        ("nowhere.anything", False),  # not in a layout: DASH070's business
        ("chart.figur", True),
        ("box.value", True),
    ],
)
def test_properties_checked_against_the_component_type(dependency, bad) -> None:
    components = [*COMPONENTS, ("box", "dash_html_components.Div"), ("mystery", "acme.Widget"),
                  ("flow", "acme.Flow")]
    callback = server(0, "def f(v):\n    return v", [dependency], outputs=("year.options",))
    snapshot = snap(callback, components=components)
    snapshot = Snapshot(**{**snapshot.__dict__,
                           "component_types": {**TYPES, "acme.Flow": ()}})
    assert names("DASH071", snapshot) == (["f"] if bad else [])


def test_pattern_property_must_be_invalid_for_every_matching_component() -> None:
    components = [({"type": "w", "index": 1}, "dash_core_components.Dropdown"),
                  ({"type": "w", "index": 2}, "dash_core_components.Graph")]
    pattern = {"type": "w", "index": ALL}
    ok = server(0, "def ok(v):\n    return v", [Dependency(pattern, "figure")], outputs=())
    bad = server(1, "def bad(v):\n    return v", [Dependency(pattern, "figur")], outputs=())
    assert names("DASH071", snap(ok, bad, components=components)) == ["bad"]


def test_duplicate_ids_per_layout_name_their_callbacks() -> None:
    layouts = (Layout("app", "app:app"), Layout("pages.a", "app:app", duplicate_ids=("save",)))
    user = server(0, "def saver(n):\n    return n", ["save.n_clicks"])
    (finding,) = get_rule("DASH072").run(LintContext(snap(user, layouts=layouts)))
    assert finding.functions == ("app.saver",) and finding.components == ("save",)
