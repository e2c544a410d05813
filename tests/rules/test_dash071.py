"""DASH071 invalid-property on the bad fixture app and on hand-made component types."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.snapshot import Dependency
from snapshot_factory import (
    ALL, BAD_APP, COMPONENTS, TYPES, functions_per_finding, probed, reported_names, server,
    snapshot_with_layout,
)

def test_bad_app_names_exactly_the_broken_callbacks() -> None:
    assert functions_per_finding(probed(BAD_APP), "DASH071") == [("draw",)]


@pytest.mark.parametrize(
    ("dependency", "bad"),
    [
        ("chart.figure", False),
        ("chart.id", False),
        ("box.data-state", False),
        ("box.aria-label", False),
        ("chart.data-update", False),  # set by the component itself, e.g. DashSocketIO
        ("chart.aria-busy", False),
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
    snap = snapshot_with_layout(callback, components=components)
    snap = dataclasses.replace(snap, component_types={**TYPES, "acme.Flow": ()})
    assert reported_names("DASH071", snap) == (["f"] if bad else [])


def test_pattern_property_must_be_invalid_for_every_matching_component() -> None:
    components = [({"type": "w", "index": 1}, "dash_core_components.Dropdown"),
                  ({"type": "w", "index": 2}, "dash_core_components.Graph")]
    pattern = {"type": "w", "index": ALL}
    ok = server(0, "def ok(v):\n    return v", [Dependency(pattern, "figure")], outputs=())
    bad = server(1, "def bad(v):\n    return v", [Dependency(pattern, "figur")], outputs=())
    assert reported_names("DASH071", snapshot_with_layout(ok, bad, components=components)) == ["bad"]
