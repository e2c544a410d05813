"""DASH020 returns-none on the runtime fixture apps."""

from __future__ import annotations

import pytest

from snapshot_factory import flagged, probed_findings, reported_names, server, snapshot


def test_dash020_none_on_some_path():
    found = flagged(probed_findings("runtime/returns_app.py"), "DASH020")
    assert found == {
        "if_without_else",
        "bare_return",
        "explicit_none",
        "except_only_logs",
        "match_without_default",
    }


@pytest.mark.parametrize(
    "app", ["runtime/events_app.py", "runtime/keys_app.py", "runtime/app_level_prevent_app.py"],
)
def test_fixture_apps_about_other_rules_do_not_trip_dash020(app):
    assert flagged(probed_findings(app), "DASH020") == set()


# --- `x if c else None`: a deliberate clear of a text, and only that --------------------------
CLEAR = "def show(value):\n    return ', '.join(value) if value else None"


def test_dash020_literal_none_arm_into_a_lone_children_is_a_deliberate_clear():
    cb = server(0, CLEAR, inputs=["libs.value"], outputs=["chosen.children"])
    assert reported_names("DASH020", snapshot(cb)) == []


@pytest.mark.parametrize("body", ["return None", "return None if not value else value"])
def test_dash020_written_out_none_into_a_lone_children_is_a_deliberate_clear(body):
    """Found in the corpus: `if data is None: return None` empties a slot (docs/realworld.md)."""
    source = f"def show(value):\n    if value:\n        return value\n    {body}"
    cb = server(0, source, inputs=["libs.value"], outputs=["chosen.children"])
    assert reported_names("DASH020", snapshot(cb)) == []


def test_dash020_bare_return_into_a_lone_children_is_still_reported():
    source = "def show(value):\n    if value:\n        return value\n    return"
    cb = server(0, source, inputs=["libs.value"], outputs=["chosen.children"])
    assert reported_names("DASH020", snapshot(cb)) == ["show"]


@pytest.mark.parametrize("outputs, multi", [
    (["graph.figure"], False),  # None empties a figure: the user loses the chart
    (["chosen.children"], True),  # a list of one Output: None is no list, Dash raises
    (["chosen.children", "other.children"], True),
])
def test_dash020_none_arm_elsewhere_is_still_reported(outputs, multi):
    cb = server(0, CLEAR, inputs=["libs.value"], outputs=outputs, multi_output=multi)
    assert reported_names("DASH020", snapshot(cb)) == ["show"]


# --- falling off the end where Dash never gets ------------------------------------------------
CHAIN = """
def focus(start, end, off):
    if ctx.triggered_id == "start":
        return "start"
    elif ctx.triggered_id == "end":
        return "end"
    elif ctx.triggered_id in ("off",):
        return "off"
"""
BUTTONS = ["start.n_clicks", "end.n_clicks", "off.n_clicks"]


def test_dash020_if_elif_over_every_trigger_under_prevent_initial_call_cannot_fall_off():
    cb = server(0, CHAIN, inputs=BUTTONS, prevent_initial_call=True)
    assert reported_names("DASH020", snapshot(cb)) == []


@pytest.mark.parametrize("inputs, prevent", [
    (BUTTONS, None),  # on load triggered_id is None: no branch runs
    (BUTTONS + ["other.n_clicks"], True),  # an Input no branch names
])
def test_dash020_if_elif_over_triggers_can_still_fall_off(inputs, prevent):
    cb = server(0, CHAIN.replace("off):", "off, *rest):"), inputs=inputs,
                prevent_initial_call=prevent)
    assert reported_names("DASH020", snapshot(cb)) == ["focus"]


LOGIN = """
def login(n_clicks, user):
    if n_clicks > 0:
        return f"Welcome {user}"
"""


def test_dash020_lone_click_counter_is_positive_under_prevent_initial_call():
    cb = server(0, LOGIN, inputs=["login.n_clicks"], states=["user.value"],
                prevent_initial_call=True)
    assert reported_names("DASH020", snapshot(cb)) == []


def test_dash020_click_counter_test_can_fail_when_it_may_be_zero():
    prevented = {"prevent_initial_call": True}
    on_load = server(0, LOGIN, inputs=["login.n_clicks"], states=["user.value"])
    two_inputs = server(1, LOGIN.replace("user)", "user, other)"),
                        inputs=["login.n_clicks", "x.value"], states=["user.value"], **prevented)
    rebound = server(2, LOGIN.replace("    if", "    n_clicks -= 1\n    if"),
                     inputs=["login.n_clicks"], states=["user.value"], **prevented)
    over_one = server(3, LOGIN.replace("> 0", "> 1"), inputs=["login.n_clicks"],
                      states=["user.value"], **prevented)
    # another callback resets the counter to 0, which triggers login with n_clicks == 0
    reset = server(4, "def reset(v):\n    return 0", inputs=["y.value"], outputs=["login.n_clicks"])
    reset_login = server(5, LOGIN, inputs=["login.n_clicks"], states=["user.value"], **prevented)
    assert reported_names("DASH020", snapshot(on_load, two_inputs, rebound, over_one)) == [
        "login"] * 4
    assert reported_names("DASH020", snapshot(reset, reset_login)) == ["login"]


ALIAS = """
def focus(start, end):
    button = ctx.triggered_id
    if button == "start":
        return "start"
    elif button == "end":
        return "end"
"""


def test_dash020_if_elif_over_a_local_holding_the_trigger():
    inputs = ["start.n_clicks", "end.n_clicks"]
    cb = server(0, ALIAS, inputs=inputs, prevent_initial_call=True)
    assert reported_names("DASH020", snapshot(cb)) == []
    rebound = ALIAS.replace('    if button', '    if start:\n        button = "end"\n    if button')
    cb = server(0, rebound, inputs=inputs, prevent_initial_call=True)
    assert reported_names("DASH020", snapshot(cb)) == ["focus"]  # not the trigger any more
