"""The false-positive patterns found in the real-world corpus (docs/realworld.md), one small
app each under tests/apps/realworld/patterns/, linted through the real CLI.

Each test states what the linter *should* do. The ones the rules do not do yet are marked
``xfail`` with the pattern's name: whoever fixes a rule removes its marker (an unexpected pass
is reported as XPASS). The last test keeps run.py's "served" count honest on a fixture.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from paths import APPS, REPO

FIXTURES = APPS / "realworld" / "patterns"


def lint(name: str) -> tuple[int, list[dict]]:
    """Every rule's findings, opt-in ones too (DASH020's patterns are about its reasoning)."""
    done = subprocess.run([sys.executable, "-m", "analysis", str(FIXTURES / name),
                           "--format", "json", "--select", "ALL"], cwd=REPO,
                          capture_output=True, text=True,
                          timeout=120)
    if done.returncode not in (0, 1):
        return done.returncode, []
    return done.returncode, json.loads(done.stdout)["findings"]


def flagged(findings: list[dict], function: str, code: str) -> bool:
    return any(f["code"] == code and any(fn.rsplit(".", 1)[-1] == function
                                         for fn in f["functions"]) for f in findings)


SILENT: list[tuple[str, str, str, str]] = [
    # (fixture, callback, code, pattern): not fixed yet, expected to fail
]


@pytest.mark.parametrize("fixture,function,code,pattern", SILENT,
                         ids=[f"{c}-{fn}" for _, fn, c, _ in SILENT])
def test_false_positive_pattern_stays_silent(fixture, function, code, pattern, request):
    request.applymarker(pytest.mark.xfail(reason=f"not fixed yet: {pattern}", strict=False))
    exit_code, findings = lint(fixture)
    assert exit_code in (0, 1)
    assert not flagged(findings, function, code), pattern


FIXED = [  # (fixture, callback, code, pattern): fixed, so asserted for real
    ("dash010_hidden_trigger.py", "draw_slot", "DASH010",
     "a hidden button clicked from code is the only Input"),
    ("dash010_config_prevent.py", "save", "DASH010",
     "config_prevent_initial_callbacks=True on the decorator"),
    ("dash010_noop_initial_call.py", "reopen", "DASH010",
     "initial call writes the value the prop already has (a JavaScript default)"),
    ("dash010_noop_initial_call.py", "download", "DASH010",
     "initial call returns no_update on the initial State"),
    ("dash020_deliberate_clear.py", "chosen", "DASH020", "`x if value else None` clears"),
    ("dash020_unreachable_fallthrough.py", "focus", "DASH020",
     "if/elif over ctx.triggered_id covers every Input"),
    ("dash020_unreachable_fallthrough.py", "login", "DASH020",
     "`if n_clicks > 0` always true under prevent_initial_call"),
    ("dash020_dispatch_chain.py", "open_modal", "DASH022",
     "if/elif over a State's prefixes under prevent_initial_call"),
    ("dash020_consumed_store.py", "jump", "DASH020", "`return None` consumes its own Store"),
    ("dash020_download_none.py", "export", "DASH020", "None into dcc.Download.data is ignored"),
    ("dash020_download_none.py", "export_later", "DASH020",
     "a Download created by a callback, known by dcc.send_bytes"),
    ("dash020_no_trigger_guard.py", "update_filter", "DASH022",
     "`if not ctx.triggered_id` under prevent_initial_callbacks"),
    ("dash020_own_none_and_parsed_trigger.py", "remember", "DASH020",
     "`if x is not None: return x` / `return None` is `return x`"),
    ("dash020_own_none_and_parsed_trigger.py", "export", "DASH020",
     "hand-parsed trigger naming the only Input under prevent_initial_call"),
    ("dash020_every_option.py", "options", "DASH022", "if/elif over every radio option"),
    ("dash020_every_option.py", "tab_content", "DASH022", "if/elif over every tab"),
    ("dash030_toggle.py", "toggle", "DASH030", "every Input flips is_open"),
    ("dash030_helper_and_parity.py", "pick", "DASH030", "trigger read through a helper"),
    ("dash030_helper_and_parity.py", "theme", "DASH030", "`n_clicks % 2` as an on/off switch"),
    ("dash030_inert_input.py", "toggle_collapse", "DASH030",
     "the only other Input is an html prop only the layout sets"),
    ("dash030_owned_counters.py", "plot", "DASH030",
     "the click counters read are the callback's own Outputs"),
    ("dash072_page_from_app_module/app.py", "navigate", "DASH072",
     "a page registered from the app's own module"),
    ("dash041_normalise_own_input.py", "trim", "DASH041",
     "writes back a normalised copy of its own Input"),
    ("dash041_function_of_all_inputs.py", "paginate", "DASH041",
     "own Input back, or a constant reset when the modal closes"),
    ("dash041_function_of_all_inputs.py", "crop_options", "DASH041",
     "options normaliser echoing its own data/value"),
    ("dash061_fastapi_backend.py", "fetch", "DASH061",
     "the FastAPI backend awaits async callbacks itself"),
    ("dash010_load_call_handled_or_wanted.py", "show_map", "DASH010",
     "prevent_initial_call=False written on purpose"),
    ("dash071_placeholder_and_load_trigger.py", "click", "DASH071",
     "a placeholder Div a load callback replaces with a Graph of the same id"),
    ("dash071_placeholder_and_load_trigger.py", "load", "DASH071",
     "an unread Input on a Store's unknown prop as a run-on-load trigger"),
    ("dash071_forwarded_attribute.py", "rtl", "DASH071",
     "a global HTML attribute written to a dmc component that forwards it"),
    ("dash091_factory_branch.py", "update_options", "DASH091",
     "returns chosen by a factory argument, one branch per registration"),
]


@pytest.mark.parametrize("fixture,function,code,pattern", FIXED,
                         ids=[f"{c}-{fn}" for _, fn, c, _ in FIXED])
def test_fixed_false_positive_pattern_stays_silent(fixture, function, code, pattern):
    exit_code, findings = lint(fixture)
    assert exit_code in (0, 1)
    assert not flagged(findings, function, code), pattern


@pytest.mark.parametrize("fixture,function,code", [
    ("dash020_dispatch_chain.py", "describe", "DASH020"),  # a chain over a dropdown's value
    ("dash020_consumed_store.py", "empty_table", "DASH020"),  # None into a table's data
    # ALL Inputs removed: a call with no trigger; two Outputs, so Dash raises
    ("dash020_no_trigger_guard.py", "count", "DASH022"),
])
def test_dash020_true_positives_beside_the_fixed_patterns_stay(fixture, function, code):
    _, findings = lint(fixture)
    assert flagged(findings, function, code)


@pytest.mark.parametrize("fixture,function,code", [
    ("dash030_inert_input.py", "toggle_collapse_renamed", "DASH030"),  # its title Div is written
    ("dash072_page_from_app_module/app.py", "show", "DASH072"),  # `dup` in page and shell
])
def test_true_positives_beside_the_round5_patterns_stay(fixture, function, code):
    _, findings = lint(fixture)
    assert flagged(findings, function, code)


@pytest.mark.parametrize("fixture,function,code", [
    ("dash061_fastapi_backend.py", "fetch_on_flask", "DASH061"),  # Flask, use_async=False
    ("dash010_load_call_handled_or_wanted.py", "files", "DASH010"),  # "wrong password" on load
])
def test_true_positives_beside_the_round6_patterns_stay(fixture, function, code):
    _, findings = lint(fixture)
    assert flagged(findings, function, code)


@pytest.mark.parametrize("function", ["typo", "late_click", "shell_click"])
def test_true_positives_beside_the_round7_property_patterns_stay(function):
    """A read typo'd prop, a Div nothing replaces, a placeholder in the validated app layout."""
    _, findings = lint("dash071_placeholder_and_load_trigger.py")
    assert flagged(findings, function, "DASH071")


def test_a_write_of_a_prop_that_is_no_html_attribute_stays_beside_round8s_dir():
    """Round 7's ``ActionIcon.value`` shape: the Box has no ``value`` and forwards it nowhere."""
    _, findings = lint("dash071_forwarded_attribute.py")
    assert flagged(findings, "value", "DASH071")


def test_inline_javascript_that_tests_triggered_handles_the_load_call():
    """The tab switch's JavaScript returns the first tab's styles when nothing triggered."""
    _, findings = lint("dash010_load_call_handled_or_wanted.py")
    clientside = [f for f in findings if f["code"] == "DASH010"
                  and any(fn.startswith("clientside:") for fn in f["functions"])]
    assert clientside == []


def test_a_page_from_the_app_module_is_compared_with_the_shell_once():
    """Only `dup` is shared: `url` and `games` are on one component each."""
    _, findings = lint("dash072_page_from_app_module/app.py")
    assert sorted(f["components"][0] for f in findings if f["code"] == "DASH072") == ["dup"]


def test_loops_closed_only_through_allow_duplicate_are_not_reported():
    """Dash 4.4.1 runs such loops once per user action and stops (docs/loops.md)."""
    _, findings = lint("dash040_allow_duplicate_loop.py")
    assert not [f for f in findings if f["code"] == "DASH040"]


def test_probe_survives_a_flask_localproxy_in_module_globals():
    exit_code, _ = lint("probe_flask_localproxy.py")
    assert exit_code in (0, 1)


def test_duplicate_id_finding_points_at_a_component():
    _, findings = lint("dash072_heading_anchor.py")
    found = [f for f in findings if f["code"] == "DASH072"]
    assert found, "the duplicate id itself is a true positive"
    assert found[0]["line"] in (13, 14)  # the two components, not the callback (line 20)


def test_duplicate_id_from_a_heading_anchor_is_found():
    """The true positive next to the location problem must keep firing."""
    _, findings = lint("dash072_heading_anchor.py")
    assert [f for f in findings if f["code"] == "DASH072"]


def test_duplicate_ids_in_a_page_are_reported_only_when_something_refers_to_them():
    """dash-flightdeck: template ids nothing refers to stay silent; the ids a label's
    ``htmlFor`` or a callback names are reported, with what refers to them."""
    _, findings = lint("dash072_template_ids.py")
    found = {f["components"][0]: f["message"] for f in findings if f["code"] == "DASH072"}
    assert sorted(found) == ["email", "remember-me"]  # not "basic-addon2"
    assert found["email"].endswith("(html.Label(htmlFor='email') "
                                   "(dash072_template_ids.py:21) ×2 point at it)")
    assert found["remember-me"].endswith("(callbacks `remember` (dash072_template_ids.py:34) "
                                         "use it)")


def test_a_visible_refresh_button_is_still_reported_beside_a_hidden_one():
    _, findings = lint("dash010_hidden_trigger.py")
    assert flagged(findings, "refresh", "DASH010")



# --- Rounds 3-4's open shapes (DASH010, DASH032, DASH041, DASH072) ---------------------------


def test_a_load_call_refused_by_an_empty_store_is_not_reported():
    """virus-sim ``fit_los_dists``: ``if "step1" not in main: raise PreventUpdate`` with the
    Store at ``{}`` on load; a Store the layout fills leaves it undecided, still reported."""
    _, findings = lint("dash010_load_call_seeds.py")
    assert not flagged(findings, "fit", "DASH010")
    assert flagged(findings, "fit_later", "DASH010")


def test_a_load_call_that_seeds_a_store_from_the_form_is_not_reported():
    """virus-sim ``update_age_groups``: the load call turns the text box's initial value into
    the dict the Store's readers need; a Store nobody seeded, written from an empty State, is
    still an on-click action run on load."""
    _, findings = lint("dash010_load_call_seeds.py")
    assert not flagged(findings, "groups", "DASH010")
    assert flagged(findings, "save", "DASH010")


def test_a_one_character_index_parse_says_from_which_index_it_is_wrong():
    """ezstep ×6: the finding stands, and says exactly what breaks and when."""
    _, findings = lint("dash032_one_digit_index.py")
    found = {f["functions"][0].rsplit(".", 1)[-1]: f["message"]
             for f in findings if f["code"] in ("DASH032", "DASH033")}
    codes = {f["functions"][0].rsplit(".", 1)[-1]: f["code"]
             for f in findings if f["code"] in ("DASH032", "DASH033")}
    assert codes == {"delete": "DASH033", "rename": "DASH032"}  # the bug on by default
    assert found["delete"].endswith(
        'takes the triggered index as one character of triggered[...]["prop_id"] '
        "(`index_part[-1]`, line 28): right for indices 0-9 only, from 10 on it reads the last "
        "digit (10 as 0), another component's index: use ctx.triggered_id['index']")
    assert found["rename"].endswith('parses triggered[...]["prop_id"] by hand: use ctx.triggered_id')


def test_a_selection_reset_to_new_options_is_not_a_direction_pick():
    """virus-sim ``step5_show_sim_results`` ×2: the selection is replaced, with the options,
    only when it is not a subset of the new groups; a pick from the options passes. Resetting
    after every pick, or syncing whenever two values disagree, still undoes the user's edit."""
    _, findings = lint("dash041_reset_to_new_options.py")
    assert not flagged(findings, "sync", "DASH041")
    assert flagged(findings, "always_all", "DASH041")
    assert flagged(findings, "resync", "DASH041")


def test_nested_copies_only_written_are_not_reported_a_button_download_pair_is():
    """virus-sim: the inner Stack sharing its outer Stack's id gets every write (the renderer
    keeps the innermost copy); the Button sharing its id with a Download hands the callback the
    Download's n_clicks (tests/browser/test_duplicate_copies.py)."""
    _, findings = lint("dash072_nested_copies.py")
    assert [f["components"] for f in findings if f["code"] == "DASH072"] == [["cfg"]]


# --- Round 7's DASH072 shapes: a subtree placed twice, Downloads one write reaches ----------


def test_a_subtree_placed_twice_is_one_finding_naming_the_ids_callbacks_use():
    """pip-docs (pattern 37): 351 findings from one doubled content list. One per page, on
    one line, naming the ids callbacks use; a page doubling only heading anchors is silent;
    an id two examples made at two places is still its own finding."""
    _, findings = lint("dash072_doubled_subtree.py")
    found = {tuple(f["components"]): f["message"] for f in findings if f["code"] == "DASH072"}
    assert sorted(found) == [("lone",), ("q", "out")]
    assert found[("q", "out")] == (
        "4 ids are each on 2 components in the layout of page 'docs', copies of one subtree "
        "placed 2 times: callbacks `echo`, `lone` use 'q', 'out'")


def test_two_downloads_one_callback_writes_are_not_reported_a_shared_store_is():
    """fishpy3d (pattern 36): the data reaches one Download, and one is all a download needs;
    the Store the callback reads from the same doubled helper is still reported."""
    _, findings = lint("dash072_two_downloads.py")
    found = [f for f in findings if f["code"] == "DASH072"]
    assert [f["components"] for f in found] == [["saved"]]
    assert "download-fk1" not in found[0]["message"].split(" use ")[-1]


def test_dash091_true_positive_beside_the_factory_branch_pattern_stays():
    """The same factory's `slip` returns two values when its Input is empty, whatever the
    registration: a runtime branch, so every registration gets the finding (round 10)."""
    _, findings = lint("dash091_factory_branch.py")
    slips = [f for f in findings if f["code"] == "DASH091" and "slip" in f["message"]]
    assert len(slips) == 3
    assert all("returns 2 values" in f["message"] for f in slips)
    # one function, three registrations: each message names its own Outputs
    assert sorted(f["message"].split("`")[1] for f in slips) == [
        "slip → nbi_at.options +3", "slip → nbi_bt.options +2", "slip → nbi_ter.options +2"]
