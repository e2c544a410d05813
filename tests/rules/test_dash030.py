"""DASH030 untracked-trigger on the runtime fixture apps and on a hand-made snapshot."""

from __future__ import annotations

import pytest

from analysis.snapshot import Dependency
from snapshot_factory import (
    callback, flagged, probed_findings, reported_names, rule_findings, server, snapshot,
)


def test_dash030_event_value_read_without_trigger():
    found = flagged(probed_findings("runtime/events_app.py"), "DASH030")
    assert found == {"reset_or_filter"}
    # legacy_which reads ctx.triggered (DASH032's business), newest_button compares
    # timestamps, refresh_rows/search_on_click_or_enter ignore the event values,
    # two_values has no events, describe_click reads clickData as data.


def test_dash030_unknown_binding_falls_back_to_the_catalog_rule():
    cb = callback(0, (Dependency("b", "n_clicks"), Dependency("d", "value")),
                  (Dependency("o", "children"),), arg_grouping=None,
                  source="def f(*values):\n    return str(values)")
    assert [f.callbacks for f in rule_findings("DASH030", snapshot(cb))] == [(0,)]


@pytest.mark.parametrize("app", ["runtime/returns_app.py"])
def test_fixture_apps_about_other_rules_do_not_trip_dash030(app):
    assert flagged(probed_findings(app), "DASH030") == set()


OPEN_CLOSE = ["ask.n_clicks", "no.n_clicks"]


@pytest.mark.parametrize("guard", ["if not ask:", "if ask is None or ask == 0:"])
def test_dash030_every_input_flips_the_same_state(guard):
    source = f"def toggle(ask, no, is_open):\n    {guard}\n        return no_update\n    return not is_open"
    cb = server(0, source, inputs=OPEN_CLOSE, states=["confirm.is_open"],
                outputs=["confirm.is_open"], prevent_initial_call=True)
    assert reported_names("DASH030", snapshot(cb)) == []


def test_dash030_an_or_guard_that_does_not_refuse_still_decides():
    source = "def toggle(ask, no, is_open):\n    if ask is None or ask == 0:\n        return False\n    return not is_open"
    cb = server(0, source, inputs=OPEN_CLOSE, states=["confirm.is_open"],
                outputs=["confirm.is_open"], prevent_initial_call=True)
    assert reported_names("DASH030", snapshot(cb)) == ["toggle"]


def test_dash030_click_parity_is_an_on_off_state():
    source = "def theme(n, size):\n    return ('dark' if n and n % 2 == 1 else 'light') + size"
    cb = server(0, source, inputs=["dark.n_clicks", "size.value"])
    assert reported_names("DASH030", snapshot(cb)) == []


def test_dash030_trigger_read_through_a_helper_named_for_it():
    source = "def pick(a, b):\n    if trigger().startswith('a.'):\n        return a\n    return b"
    cb = server(0, source, inputs=OPEN_CLOSE)
    assert reported_names("DASH030", snapshot(cb)) == []
    other = server(0, source.replace("trigger()", "compute()"), inputs=OPEN_CLOSE)
    assert reported_names("DASH030", snapshot(other)) == ["pick"]  # a name that says nothing
