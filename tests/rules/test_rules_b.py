"""Rules DASH060-DASH091 on real Dash apps run through the real probe (each app probed once)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from analysis.lint import LintSettings, lint
from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from paths import APPS as ALL_APPS

APPS = ALL_APPS / "rules_b"
CODES = ("DASH060", "DASH061", "DASH063", "DASH070", "DASH071", "DASH072", "DASH080",
         "DASH090", "DASH091")


@pytest.fixture(scope="session")
def bad() -> Snapshot:
    return snapshot_target(str(APPS / "bad_app.py"))


@pytest.fixture(scope="session")
def clean() -> Snapshot:
    return snapshot_target(str(APPS / "clean_app.py"))


@pytest.fixture(scope="session")
def dynamic() -> Snapshot:
    return snapshot_target(str(APPS / "dynamic_app.py"))


@pytest.fixture(scope="session")
def pages() -> Snapshot:
    return snapshot_target(str(APPS / "pages_app" / "app.py"))


def flagged(snapshot: Snapshot, code: str) -> list[tuple[str, ...]]:
    """The function names of each finding of one rule, sorted."""
    findings = lint(snapshot, LintSettings(select=(code,)))
    assert all(f.code == code for f in findings)
    return sorted(tuple(name.rsplit(".", 1)[-1] for name in f.functions) for f in findings)


def with_app(snapshot: Snapshot, **changes) -> Snapshot:
    """The snapshot with its (single) app's settings changed."""
    (app,) = snapshot.apps
    return dataclasses.replace(snapshot, apps=(dataclasses.replace(app, **changes),))


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("DASH060", [("load_rates",)]),
        ("DASH061", [("load_rates",)]),
        ("DASH063", [("summarise_regions",), ("summarise_selection",)]),
        ("DASH070", [("show_forecast",)]),
        ("DASH071", [("draw",)]),
        ("DASH072", [()]),
        ("DASH080", [("run_job",)]),
        ("DASH091", [("update_panels",)]),
    ],
)
def test_bad_app_each_rule_names_exactly_the_broken_callbacks(bad, code, expected) -> None:
    assert flagged(bad, code) == expected


def test_signature_mismatch_python_and_inline_clientside(bad) -> None:
    findings = lint(bad, LintSettings(select=("DASH090",)))
    names = sorted(f.functions[0].rsplit(".", 1)[-1] for f in findings)
    assert names[-2:] == ["show_net", "show_total"]
    (clientside,) = [f for f in findings if f.functions[0].startswith("clientside:")]
    js = next(cb for cb in bad.callbacks if cb.index == clientside.callbacks[0])
    assert js.kind == "clientside" and "extra" in js.js_source
    assert (clientside.file, clientside.line) == ("bad_app.py", js.line)


def test_duplicate_id_finding_names_the_id(bad) -> None:
    (finding,) = lint(bad, LintSettings(select=("DASH072",)))
    assert finding.components == ("save",)


@pytest.mark.parametrize("name", ["clean", "dynamic", "pages"])
def test_clean_apps_have_no_findings(request, name) -> None:
    snapshot = request.getfixturevalue(name)
    assert lint(snapshot) == []


def test_clean_app_exercises_what_the_rules_must_accept(clean) -> None:
    """Guards the clean app against drifting into a vacuous one."""
    by_name = {cb.name: cb for cb in clean.callbacks}
    assert by_name["load_rates"].is_async and clean.apps[0].use_async
    assert by_name["label_year"].wrappers == ("functools.lru_cache",)
    assert by_name["run_job"].background and by_name["run_job"].progress
    assert by_name["show_net"].arg_grouping == {"quantity": 0, "unit_price": 1, "tax": 2}
    assert by_name["show_total"].arg_grouping == [2, 0, 1]  # the State comes first
    assert sum(cb.kind == "clientside" for cb in clean.callbacks) == 3
    assert by_name["update_panels"].multi_output
    assert by_name["show_help"].optional  # ids in no layout, yet no DASH070


def test_async_callbacks_flagged_once_asgiref_is_missing(clean) -> None:
    without = with_app(clean, use_async=False, async_available=False)
    assert flagged(without, "DASH061") == [("load_rates",)]


def test_ids_created_by_callbacks_are_missing_without_suppress(dynamic) -> None:
    strict = with_app(dynamic, suppress_callback_exceptions=False)
    assert flagged(strict, "DASH070") == [("export",), ("show_title",)]
    # the MATCH pattern ids are left alone: render_tab writes children, so may create them
    assert flagged(strict, "DASH080") == [("export",)]


def test_page_layouts_count_and_same_id_on_two_pages_is_fine(pages) -> None:
    assert {layout.name for layout in pages.layouts} == {"app", "pages.home", "pages.report"}
    assert flagged(pages, "DASH072") == []
    app_only = dataclasses.replace(
        pages,
        layouts=tuple(lay for lay in pages.layouts if lay.name == "app"),
        components=tuple(c for c in pages.components if c.layout == "app"),
    )
    assert flagged(app_only, "DASH070") == [("draw_report",), ("note_year",)]


def test_unrenderable_page_layout_makes_id_checks_conservative(pages) -> None:
    broken = dataclasses.replace(
        pages,
        layouts=tuple(dataclasses.replace(lay, error="TypeError: needs arguments")
                      if lay.name == "pages.report" else lay for lay in pages.layouts),
        components=tuple(c for c in pages.components if c.layout != "pages.report"),
    )
    assert flagged(broken, "DASH070") == []


def test_noqa_on_the_decorator_line_suppresses(bad) -> None:
    def mark(cb):
        if cb.name != "show_forecast":
            return cb
        first, rest = cb.source.split("\n", 1)
        return dataclasses.replace(cb, source=f"{first}  # noqa: DASH070\n{rest}")

    marked = dataclasses.replace(bad, callbacks=tuple(mark(cb) for cb in bad.callbacks))
    assert flagged(marked, "DASH070") == []
    assert flagged(marked, "DASH071") == [("draw",)]


def test_findings_point_at_the_decorator_line(bad) -> None:
    lines = {cb.index: cb.line for cb in bad.callbacks}
    for finding in lint(bad, LintSettings(select=CODES)):
        if finding.callbacks:
            assert finding.line == lines[finding.callbacks[0]], finding.code
