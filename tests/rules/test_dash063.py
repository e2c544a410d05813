"""DASH063 unhashable-cache on the bad fixture app and on hand-made layouts."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.snapshot import Dependency
from snapshot_factory import (
    ALL, BAD_APP, COMPONENTS, MATCH, functions_per_finding, probed, reported_names, server,
    snapshot_with_layout,
)

CACHED = "@callback(Output('o', 'children'), Input('x', 'value'))\n@lru_cache(maxsize=8)\n"


def test_bad_app_names_exactly_the_broken_callbacks() -> None:
    assert functions_per_finding(probed(BAD_APP), "DASH063") == [
        ("summarise_regions",), ("summarise_selection",),
    ]


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
    snap = snapshot_with_layout(callback, components=COMPONENTS)
    assert reported_names("DASH063", snap) == (["f"] if bad else [])


def test_lru_cache_above_the_callback_decorator_does_not_wrap_what_dash_calls() -> None:
    source = "@lru_cache\n@callback(Output('o', 'children'), Input('x', 'value'))\ndef f(v):\n    return v"
    callback = server(0, source, ["chart.figure"])
    assert reported_names("DASH063", snapshot_with_layout(callback, components=COMPONENTS)) == []


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
    snap = snapshot_with_layout(*callbacks, components=COMPONENTS)
    # the probe lists the module's lru_cache'd callables; no file is read
    snap = dataclasses.replace(snap, cached_functions=("app.describe",))
    assert reported_names("DASH063", snap) == sorted(n for n, (_, bad) in calls.items() if bad)
