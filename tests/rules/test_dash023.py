"""DASH023 unraised-prevent-update: PreventUpdate()/no_update as a statement is a no-op."""

from __future__ import annotations

import pytest

from snapshot_factory import lint_codes, reported_names, server, snapshot

GUARD = """
def plot(country):
    if not country:
        {statement}
    return country
"""


@pytest.mark.parametrize("statement", [
    "PreventUpdate()",
    "PreventUpdate",
    "dash.exceptions.PreventUpdate()",
    "exceptions.PreventUpdate('nothing chosen')",
    "no_update",
    "dash.no_update",
])
def test_dash023_a_thrown_away_prevent_update_or_no_update(statement):
    cb = server(0, GUARD.format(statement=statement), inputs=["country.value"])
    assert reported_names("DASH023", snapshot(cb)) == ["plot"]
    [finding] = lint_codes(snapshot(cb))  # on by default
    assert finding.code == "DASH023" and f"`{statement.replace(chr(39), chr(34))}`" in (
        finding.message.replace(chr(39), chr(34)))


@pytest.mark.parametrize("statement", [
    "raise PreventUpdate()",
    "raise dash.exceptions.PreventUpdate",
    "return no_update",
    "return dash.no_update",
    "log(PreventUpdate())",  # passed on: someone else may raise it
    "result = no_update",
    "no_update.thing()",
    "def later():\n            no_update\n        return later()",  # a nested function's own
])
def test_dash023_raised_returned_or_used_values_are_fine(statement):
    cb = server(0, GUARD.format(statement=statement), inputs=["country.value"])
    assert reported_names("DASH023", snapshot(cb)) == []


def test_dash023_points_at_the_statement():
    cb = server(0, GUARD.format(statement="PreventUpdate()"), inputs=["country.value"],
                line=10, def_line=11)
    [finding] = lint_codes(snapshot(cb))
    assert finding.line == 13 and "at line 13" in finding.message
    assert "`raise PreventUpdate()` was meant" in finding.message
