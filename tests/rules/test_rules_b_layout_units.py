"""Edge cases of DASH063 and the layout rules (DASH070-DASH080) on hand-built snapshots."""

from __future__ import annotations

import pytest

from analysis.context import LintContext
from analysis.rules import get_rule
from analysis.snapshot import AppInfo, Dependency, Layout, Snapshot
from rules_b_factory import ALL, MATCH, TYPES, names, server, snap

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


def test_cached_helper_calls_read_from_the_snapshot() -> None:
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
    # the probe lists the module's lru_cache'd callables; no file is read
    snapshot = Snapshot(**{**snapshot.__dict__, "cached_functions": ("app.describe",)})
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
