"""Realistic fixture apps that follow every practice lint to nothing, and stay realistic."""

from __future__ import annotations

import pytest

from analysis.lint import lint
from snapshot_factory import probed, probed_findings


@pytest.mark.parametrize("app", ["runtime/clean_app.py"])
def test_realistic_clean_app_has_no_findings(app):
    assert [f"{f.code} {f.functions}" for f in probed_findings(app)] == []


@pytest.mark.parametrize("app", [
    "ids_and_signatures/clean_app.py", "ids_and_signatures/dynamic_app.py",
    "ids_and_signatures/pages_app/app.py",
])
def test_clean_apps_have_no_findings(app) -> None:
    assert lint(probed(app)) == []


def test_clean_app_exercises_what_the_rules_must_accept() -> None:
    """Guards the clean app against drifting into a vacuous one."""
    clean = probed("ids_and_signatures/clean_app.py")
    by_name = {cb.name: cb for cb in clean.callbacks}
    assert by_name["load_rates"].is_async and clean.apps[0].use_async
    assert by_name["label_year"].wrappers == ("functools.lru_cache",)
    assert by_name["run_job"].background and by_name["run_job"].progress
    assert by_name["show_net"].arg_grouping == {"quantity": 0, "unit_price": 1, "tax": 2}
    assert by_name["show_total"].arg_grouping == [2, 0, 1]  # the State comes first
    assert sum(cb.kind == "clientside" for cb in clean.callbacks) == 3
    assert by_name["update_panels"].multi_output
    assert by_name["show_help"].optional  # ids in no layout, yet no DASH070
