"""DASH070 id-not-in-layout on the fixture apps (single-page, pages, dynamic) and hand-made layouts."""

from __future__ import annotations

import dataclasses

from analysis.snapshot import Dependency
from snapshot_factory import (
    ALL, BAD_APP, COMPONENTS, functions_per_finding, probed, reported_names, rule_findings,
    server, snapshot_with_layout, with_app,
)

def test_bad_app_names_exactly_the_broken_callbacks() -> None:
    assert functions_per_finding(probed(BAD_APP), "DASH070") == [("show_forecast",)]


def test_ids_created_by_callbacks_are_missing_without_suppress() -> None:
    strict = with_app(probed("ids_and_signatures/dynamic_app.py"), suppress_callback_exceptions=False)
    assert functions_per_finding(strict, "DASH070") == [("export",), ("show_title",)]
    # the MATCH pattern ids are left alone: render_tab writes children, so may create them
    assert functions_per_finding(strict, "DASH080") == [("export",)]


def test_page_layouts_count_and_same_id_on_two_pages_is_fine() -> None:
    pages = probed("ids_and_signatures/pages_app/app.py")
    assert {layout.name for layout in pages.layouts} == {"app", "pages.home", "pages.report"}
    assert functions_per_finding(pages, "DASH072") == []
    app_only = dataclasses.replace(
        pages,
        layouts=tuple(lay for lay in pages.layouts if lay.name == "app"),
        components=tuple(c for c in pages.components if c.layout == "app"),
    )
    assert functions_per_finding(app_only, "DASH070") == [("draw_report",), ("note_year",)]


def test_unrenderable_page_layout_makes_id_checks_conservative() -> None:
    pages = probed("ids_and_signatures/pages_app/app.py")
    broken = dataclasses.replace(
        pages,
        layouts=tuple(dataclasses.replace(lay, error="TypeError: needs arguments")
                      if lay.name == "pages.report" else lay for lay in pages.layouts),
        components=tuple(c for c in pages.components if c.layout != "pages.report"),
    )
    assert functions_per_finding(broken, "DASH070") == []


def test_missing_ids_respect_allow_optional() -> None:
    optional = Dependency("maybe", "value", allow_optional=True)
    ok = server(0, "def ok(v):\n    return v", [optional], outputs=("chart.figure",))
    bad = server(1, "def bad(v):\n    return v", ["maybe.value"], outputs=("chart.figure",))
    assert reported_names("DASH070", snapshot_with_layout(ok, bad, components=COMPONENTS)) == ["bad"]


def test_pattern_ids_missing_unless_a_callback_can_create_them() -> None:
    pattern = Dependency({"type": "filtr", "index": ALL}, "value")
    reader = server(0, "def reader(v):\n    return v", [pattern], outputs=("chart.figure",))
    assert reported_names("DASH070", snapshot_with_layout(reader, components=COMPONENTS)) == ["reader"]
    creator = server(1, "def creator(n):\n    return []", ["year.value"],
                     outputs=("regions.options", "box.children"))
    creator_box = [*COMPONENTS, ("box", "dash_html_components.Div")]
    assert reported_names("DASH070", snapshot_with_layout(reader, creator, components=creator_box)) == []
    present = [*COMPONENTS, ({"type": "filtr", "index": 1}, "dash_core_components.Dropdown")]
    assert reported_names("DASH070", snapshot_with_layout(reader, components=present)) == []


def test_ids_a_children_callback_returns_are_named_with_it_and_the_fix() -> None:
    """Round 8 pattern 39 (usgs-streamflow): the ids come from a tab another callback returns;
    the finding stays (debug mode's "ID not found in layout"), and says where they come from."""
    show = server(0, "def show(n):\n    return [html.Button(id='refresh'), html.Div(id='health')]",
                  ["year.value"], outputs=("box.children",), file="app.py", line=7)
    health = server(1, "def health(n):\n    return n", ["refresh.n_clicks"],
                    outputs=("health.children",))
    typo = server(2, "def typo(n):\n    return n", ["yaer.value"], outputs=("chart.figure",))
    snap = snapshot_with_layout(show, health, typo,
                                components=[*COMPONENTS, ("box", "dash_html_components.Div")])
    messages = {f.functions[0].rsplit(".", 1)[-1]: f.message
                for f in rule_findings("DASH070", snap)}
    assert sorted(messages) == ["health", "typo"]
    assert messages["health"] == (
        "callback `health` names ids no layout contains: Output('health', 'children'), "
        "Input('refresh', 'n_clicks'); 'health', 'refresh' come from the children `show` "
        "(app.py:7) returns, which Dash's dev tools (debug mode) report as missing until the app "
        "sets suppress_callback_exceptions=True or a validation_layout lists them")
    assert messages["typo"] == "callback `typo` names ids no layout contains: Input('yaer', 'value')"
