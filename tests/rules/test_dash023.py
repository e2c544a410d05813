"""DASH023 unraised-prevent-update: PreventUpdate()/no_update as a statement is never raised or
returned."""

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


@pytest.mark.parametrize(("statement", "said"), [
    ("PreventUpdate()", "it is never raised; `raise PreventUpdate()` was meant"),
    ("dash.exceptions.PreventUpdate", "it is never raised; `raise dash.exceptions.PreventUpdate`"),
    ("no_update", "it is never returned; `return no_update` was meant"),
])
def test_dash023_says_what_never_happens_not_that_the_line_does_nothing(statement, said):
    """A bare ``dash.exceptions.PreventUpdate`` in a module that never imported ``dash``
    raises NameError (a server error): "does nothing" would be false there, "never raised"
    is true wherever the name resolves or not."""
    cb = server(0, GUARD.format(statement=statement), inputs=["country.value"])
    [finding] = lint_codes(snapshot(cb))
    assert said in finding.message and "does nothing" not in finding.message
