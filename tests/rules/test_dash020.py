"""DASH020 returns-none (one Output; opt-in) and, for the multi-output callbacks whose None
Dash rejects, DASH022 multi-output-returns-none: the exemptions they share."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analysis.snapshot import Callback, Component
from snapshot_factory import (
    flagged, probed_findings, reported_names, server, snapshot, snapshot_with_layout,
)


def none_rule(multi_output: bool | None) -> str:
    """The rule reporting a None: DASH022 with several Outputs (Dash raises), else DASH020."""
    return "DASH022" if multi_output else "DASH020"


def test_dash020_none_on_some_path():
    found = flagged(probed_findings("runtime/returns_app.py"), "DASH020")
    assert found == {
        "if_without_else",
        "bare_return",
        "except_only_logs",
        "match_without_default",
    }
    # two Outputs: Dash raises on its None, DASH022 (on by default) reports it
    assert flagged(probed_findings("runtime/returns_app.py"), "DASH022") == {"explicit_none"}


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
    assert reported_names(none_rule(multi), snapshot(cb)) == ["show"]


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


# --- an if/elif chain dispatching on a parameter (found in the corpus, docs/realworld.md) ----
DISPATCH = """
def open_modal(clicks, custom):
    if custom.startswith("delete:"):
        return True, no_update
    elif custom.startswith("update:"):
        return no_update, True
"""
MODALS = ["delete.visible", "update.visible"]


@pytest.mark.parametrize("tests", [
    ('custom.startswith("delete:")', 'custom.startswith("update:")'),
    ('custom == "delete"', '"update" == custom'),
    ('custom in ("delete", "drop")', 'custom.endswith(("!", "?"))'),
    ('custom is None', 'custom == 3'),
])
def test_dash020_dispatch_chain_on_a_state_under_prevent_initial_call_is_not_reported(tests):
    source = DISPATCH.replace('custom.startswith("delete:")', tests[0]).replace(
        'custom.startswith("update:")', tests[1])
    cb = server(0, source, inputs=["table.nClicksButton"], states=["table.clickedCustom"],
                outputs=MODALS, multi_output=True, prevent_initial_call=True)
    assert reported_names("DASH022", snapshot(cb)) == []


@pytest.mark.parametrize("change, fields", [
    ((DISPATCH, DISPATCH), {}),  # runs on load: Dash calls it with the table's initial custom
    (("    elif custom", "    if custom"), {"prevent_initial_call": True}),  # two lone ifs
    (('elif custom.startswith("update:")', 'elif clicks > 3'), {"prevent_initial_call": True}),
    (('elif custom.startswith("update:")', 'elif custom.lower() == "u"'),
     {"prevent_initial_call": True}),
    (("    if custom", "    custom = custom.strip()\n    if custom"),
     {"prevent_initial_call": True}),
])
def test_dash020_chains_that_are_no_dispatch_are_still_reported(change, fields):
    cb = server(0, DISPATCH.replace(*change), inputs=["table.nClicksButton"],
                states=["table.clickedCustom"], outputs=MODALS, multi_output=True, **fields)
    assert reported_names("DASH022", snapshot(cb)) == ["open_modal"]


@pytest.mark.parametrize("subject", ["kind.value", "url.pathname", "more.n_clicks"])
def test_dash020_dispatch_chain_on_a_value_the_user_picks_is_still_reported(subject):
    """The probe keeps no ``options``: which values a dropdown can take is unknown (and the
    user can clear it), so a chain over a ``value`` may well miss one."""
    cb = server(0, DISPATCH, inputs=["table.nClicksButton"], states=[subject],
                outputs=MODALS, multi_output=True, prevent_initial_call=True)
    assert reported_names("DASH022", snapshot(cb)) == ["open_modal"]


@pytest.mark.parametrize("tail", [
    "\n    else:\n        notify('unsupported')\n        return\n",
    "\n    return None\n",  # written out after the chain: the author expects other values
])
def test_dash020_explicit_bare_return_after_a_dispatch_chain_is_still_reported(tail):
    """The corpus's true positive (Plotly-DashGo add_edit_job): an "unsupported" branch."""
    source = DISPATCH.rstrip() + tail
    cb = server(0, source, inputs=["table.nClicksButton"], states=["table.clickedCustom"],
                outputs=MODALS, multi_output=True, prevent_initial_call=True)
    assert reported_names("DASH022", snapshot(cb)) == ["open_modal"]


# --- `return None` consuming a one-shot Store ---------------------------------------------------
JUMP = """
def jump(visible, job_id):
    if not visible or not job_id:
        return no_update
    set_props("job", {"value": job_id})
    return None
"""


def jump_callback(source: str = JUMP, **changes):
    fields = {"inputs": ["log.inViewport"], "states": ["jump-to.data"],
              "outputs": ["jump-to.data"], "prevent_initial_call": True} | changes
    return server(0, source, **fields)


@pytest.mark.parametrize("components", [
    [("jump-to", "dash_core_components.Store")],
    [],  # the Store is in a page's layout the probe did not walk
])
def test_dash020_return_none_into_a_store_it_reads_is_a_deliberate_clear(components):
    snap = snapshot_with_layout(jump_callback(), components=components)
    assert reported_names("DASH020", snap) == []


@pytest.mark.parametrize("changes, components", [
    ({}, [("jump-to", "dash_table.DataTable")]),  # None empties the table
    ({"states": []}, []),  # not read: nothing says it is consumed
    ({"source": JUMP.replace("return None", "return")}, []),  # bare return, not written out
    ({"outputs": ["jump-to.data"], "multi_output": True}, []),  # None is no list: Dash raises
])
def test_dash020_none_into_data_elsewhere_is_still_reported(changes, components):
    snap = snapshot_with_layout(jump_callback(**changes), components=components)
    assert reported_names(none_rule(changes.get("multi_output")), snap) == ["jump"]


# --- None into dcc.Download.data: the component ignores it -------------------------------------
EXPORT = """
def export(n_clicks):
    if ROWS:
        return dcc.send_bytes(ROWS, "rows.xlsx")
"""


@pytest.mark.parametrize("source, components", [
    (EXPORT, [("download", "dash_core_components.Download")]),
    (EXPORT.replace("dcc.send_bytes", "dcc.send_data_frame"), []),  # created by a callback
    (EXPORT.replace("dcc.send_bytes", "send_file"), []),
    (EXPORT.replace("    if ROWS:", "    if not ROWS:\n        return None\n    if ROWS:"),
     [("download", "dash_core_components.Download")]),
])
def test_dash020_none_into_a_download_is_not_reported(source, components):
    cb = server(0, source, inputs=["export.n_clicks"], outputs=["download.data"],
                prevent_initial_call=True)
    assert reported_names("DASH020", snapshot_with_layout(cb, components=components)) == []


@pytest.mark.parametrize("source, components, multi", [
    (EXPORT.replace("dcc.send_bytes", "make_file"), [], False),  # nothing says it is a Download
    (EXPORT, [("download", "dash_core_components.Store")], False),
    (EXPORT, [("download", "dash_core_components.Download")], True),  # None is no list
])
def test_dash020_none_into_other_data_is_still_reported(source, components, multi):
    cb = server(0, source, inputs=["export.n_clicks"], outputs=["download.data"],
                prevent_initial_call=True, multi_output=multi)
    assert reported_names(none_rule(multi), snapshot_with_layout(cb, components=components)) == [
        "export"]


# --- a "no trigger" guard when Dash always has a trigger ----------------------------------------
GUARD = """
def update_filter(kind):
    c = ctx.triggered_id
    if not c:
        return
    return kind, kind
"""
FILTER = ({"type": "filter", "index": ["MATCH"]}, "value")
OPERATOR = [({"type": "op", "index": ["MATCH"]}, "data"),
            ({"type": "op", "index": ["MATCH"]}, "value")]


@pytest.mark.parametrize("guard", [
    "    c = ctx.triggered_id\n    if not c:",
    "    if not ctx.triggered_id:",
    "    if not dash.callback_context.triggered:",
    "    if ctx.triggered_id is None:",
])
def test_dash020_no_trigger_guard_under_prevent_initial_call_is_not_reported(guard):
    source = GUARD.replace("    c = ctx.triggered_id\n    if not c:", guard)
    cb = server(0, source, inputs=[FILTER], outputs=OPERATOR, multi_output=True,
                prevent_initial_call=True)
    assert reported_names("DASH022", snapshot(cb)) == []


@pytest.mark.parametrize("inputs, prevent", [
    ([FILTER], None),  # the initial call has no trigger
    ([({"type": "filter", "index": ["ALL"]}, "value")], True),  # the call after removing them
    ([({"type": "filter", "index": ["ALLSMALLER"]}, "value")], True),
])
def test_dash020_no_trigger_guard_that_dash_reaches_is_still_reported(inputs, prevent):
    cb = server(0, GUARD, inputs=inputs, outputs=OPERATOR, multi_output=True,
                prevent_initial_call=prevent)
    assert reported_names("DASH022", snapshot(cb)) == ["update_filter"]


# --- the None a guard returns is the variable's own; a hand-parsed trigger --------------------
REMEMBER = """
def remember(_, date):
    if date is not None:
        return date
    return None
"""
PENDING = {"inputs": ["cancel.n_clicks"], "states": ["date.date"], "outputs": ["pending.data"],
           "prevent_initial_call": True}


@pytest.mark.parametrize("source", [
    REMEMBER,
    REMEMBER.replace("        return date\n    return None", "        return date\n    else:\n        return None"),
])
def test_dash020_none_on_the_path_where_the_returned_name_is_none(source):
    assert reported_names("DASH020", snapshot(server(0, source, **PENDING))) == []


@pytest.mark.parametrize("change", [
    ("return date\n", "return date.upper()\n"),  # not the variable itself
    ("if date is not None", "if date is None"),  # on the returning path date IS None
    ("    if date", "    date = date or _\n    date = str(date)\n    if date"),  # rebound
])
def test_dash020_other_none_after_a_not_none_guard_is_still_reported(change):
    source = REMEMBER.replace(*change)
    assert reported_names("DASH020", snapshot(server(0, source, **PENDING))) == ["remember"]


PARSED = """
def export(n_clicks, date):
    ctx = dash.callback_context
    trigger_id = ctx.triggered[0]["prop_id"].split(".")[0]
    if trigger_id == "export":
        return {"date": date}
    return None
"""
EXPORTED = {"inputs": ["export.n_clicks"], "states": ["date.date"], "outputs": ["exported.data"]}


def test_dash020_return_after_a_hand_parsed_trigger_naming_every_input_is_unreachable():
    cb = server(0, PARSED, prevent_initial_call=True, **EXPORTED)
    assert reported_names("DASH020", snapshot(cb)) == []


@pytest.mark.parametrize("source, fields", [
    (PARSED, {"prevent_initial_call": None}),  # runs on load: no trigger, the parsed id is ""
    (PARSED.replace("n_clicks, date", "n_clicks, other, date"),  # an Input no branch names
     {"inputs": ["export.n_clicks", "other.n_clicks"]}),
    (PARSED.replace('split(".")[0]', 'split(".")[1]'), {}),  # the property, not the id
])
def test_dash020_return_after_a_hand_parsed_trigger_can_still_be_reached(source, fields):
    cb = server(0, source, **{**EXPORTED, "prevent_initial_call": True, **fields})
    assert reported_names("DASH020", snapshot(cb)) == ["export"]



# --- an if/elif over every value a control can hold --------------------------------------------
FILTER_CHAIN = """
def options(filter):
    if filter == "genotype":
        return "years", "Genotype"
    elif filter == "year":
        return "names", "Year"
"""
RADIO = {"type": "dash_core_components.RadioItems", "choices": ("genotype", "year"),
         "initial": {"value": "genotype"}}


def options_snapshot(component: dict, *others: Callback, source: str = FILTER_CHAIN):
    cb = server(0, source, inputs=["filter.value"], outputs=["choice.children", "choice.title"],
                multi_output=True)
    snap = snapshot_with_layout(cb, *others)
    return replace(snap, components=(Component("filter", layout="app", **component),))


@pytest.mark.parametrize("component", [
    RADIO,
    {**RADIO, "type": "dash_mantine_components.SegmentedControl"},
    {**RADIO, "type": "dash_core_components.Tabs"},
    {**RADIO, "type": "dash_core_components.Dropdown",
     "initial": {"value": "year", "clearable": False}},
])
def test_dash020_chain_over_every_option_of_an_unclearable_control_is_not_reported(component):
    assert reported_names("DASH022", options_snapshot(component)) == []
    in_tuple = FILTER_CHAIN.replace('filter == "year"', 'filter in ("year", "other")')
    assert reported_names("DASH022", options_snapshot(component, source=in_tuple)) == []


@pytest.mark.parametrize("component", [
    {**RADIO, "choices": ("genotype", "year", "state")},  # an option no branch names
    {**RADIO, "initial": {}},  # starts empty: None takes no branch
    {**RADIO, "initial": {"value": "other"}},
    {**RADIO, "choices": None},  # options not known (an older snapshot, a long list)
    {**RADIO, "type": "dash_core_components.Dropdown"},  # clearable by default
    {**RADIO, "type": "dash_core_components.Dropdown",
     "initial": {"value": "year", "clearable": False, "multi": True}},
    {**RADIO, "type": "dash_core_components.Checklist"},  # can be emptied
])
def test_dash020_chain_over_a_control_that_may_hold_another_value_is_still_reported(component):
    assert reported_names("DASH022", options_snapshot(component)) == ["options"]


def test_dash020_chain_over_options_a_callback_rewrites_is_still_reported():
    rewrite = server(1, "def more(n):\n    return ['genotype', 'year', 'state']",
                     inputs=["more.n_clicks"], outputs=["filter.options"])
    assert reported_names("DASH022", options_snapshot(RADIO, rewrite)) == ["options"]


def test_dash020_probed_chains_over_every_option():
    findings = probed_findings("realworld/patterns/dash020_every_option.py")
    assert flagged(findings, "DASH022") == {"partly"}  # its "c" falls off the end
