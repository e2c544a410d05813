"""What every finding carries, whichever rule made it: the decorator line, its callbacks named
one way in the message, properties and components derived from the dependencies involved."""

from __future__ import annotations

import pytest

from analysis.lint import lint
from analysis.rules import get_rule, rule_codes
from analysis.rules._naming import callback_label, callback_labels
from analysis.snapshot import Dependency
from snapshot_factory import (
    BAD_APP, callback, clientside, lint_codes, probed, probed_findings, snapshot,
)

FIXTURE_APPS = [
    "outputs_and_cycles/single_bad", "outputs_and_cycles/pages_app",
    "outputs_and_cycles/patterns_app", "runtime/events_app.py", "runtime/keys_app.py",
    "runtime/returns_app.py", "runtime/set_props_app.py", "runtime/app_level_prevent_app.py",
    BAD_APP,
]


def test_findings_point_at_the_decorator_line() -> None:
    bad = probed(BAD_APP)
    lines = {cb.index: cb.line for cb in bad.callbacks}
    for finding in lint(bad):
        if finding.callbacks:
            assert finding.line == lines[finding.callbacks[0]], finding.code


@pytest.mark.parametrize("app", FIXTURE_APPS)
def test_every_message_names_each_of_its_callbacks_the_one_way(app) -> None:
    """By function name; the others besides the one pointed at also with where they are
    declared (the finding's own location names only the first)."""
    by_index = {cb.index: cb for cb in probed(app).callbacks}
    findings = probed_findings(app)
    assert findings
    for finding in findings:
        named = [by_index[index] for index in finding.callbacks]
        for cb in named:
            assert f"`{cb.name}`" in finding.message, finding.message
        for cb in named[1:]:
            assert callback_labels([cb]) in finding.message, finding.message


def test_callback_label_says_function_or_clientside_and_labels_add_where() -> None:
    assert callback_label(callback(2)) == "`cb2`"
    assert callback_label(clientside(3, "function(a) { return a; }")) == "`js3` (clientside)"
    assert callback_labels([callback(2)]) == "`cb2` (app.py:21)"
    assert callback_labels([clientside(3, "function(a) { return a; }")]) == "`js3` (clientside, app.py:31)"


def test_cycle_message_wording() -> None:
    snap = snapshot(callback(0, ["a.value"], ["b.value"]), callback(1, ["b.value"], ["a.value"]))
    (finding,) = lint_codes(snap, "DASH040")
    assert finding.message == (
        "2 callbacks trigger one another in a loop: `cb0` (app.py:1), `cb1` (app.py:11)"
        " via 'a'.value, 'b'.value"
    )


RULE = get_rule(rule_codes()[0])
ROW = Dependency({"type": "row", "index": 1}, "value")


def test_finding_takes_file_and_line_from_its_first_callback() -> None:
    finding = RULE.finding("m", [callback(1), callback(0)])
    assert (finding.file, finding.line) == ("app.py", 11)
    assert finding.callbacks == (1, 0) and finding.functions == ("app.cb1", "app.cb0")
    assert RULE.finding("m", [callback(1)], file="layout.py").line is None
    assert (RULE.finding("m").file, RULE.finding("m").line) == (None, None)


def test_finding_properties_are_the_dependency_keys_in_the_order_given() -> None:
    finding = RULE.finding("m", [callback(0)], [Dependency("b", "value"), ROW])
    assert finding.properties == ("b.value", '{"index":1,"type":"row"}.value')
    assert finding.components == ()  # the ids are not at fault: no components


def test_finding_components_are_the_ids_at_fault_sorted_once() -> None:
    deps = [Dependency("b", "value"), Dependency("a", "x"), Dependency("b", "style")]
    finding = RULE.finding("m", [callback(0)], deps, ids_at_fault=True)
    assert finding.properties == ("b.value", "a.x", "b.style")
    assert finding.components == ("a", "b")
    layout_only = RULE.finding("m", components=["save"])
    assert layout_only.components == ("save",) and layout_only.properties == ()
