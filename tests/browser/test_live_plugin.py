"""The live plugin in Chromium: what the renderer's page load and clicks record, and the dev-tools entry."""

from __future__ import annotations

import sys

import requests
from dash.testing.wait import until

import explorer.live
from paths import TESTS

sys.path.insert(0, str(TESTS / "live"))
from live_support import fixture_module  # noqa: E402 - the fixture helpers live with the live tests

LOOP_CAP = fixture_module().LOOP_CAP


def recorded(dash_duo) -> list[dict]:
    return requests.get(f"{dash_duo.server_url}/_dce/live/calls", timeout=10).json()["calls"]


def settled(dash_duo, count: int) -> list[dict]:
    """The log once it holds ``count`` records (the renderer's requests have all answered)."""
    until(lambda: len(recorded(dash_duo)) >= count, timeout=10)
    return recorded(dash_duo)


def debug_entry(dash_duo):
    """The fixture app with the plugin, in debug mode, loaded: its dev-tools entry, which
    shows the live snapshot's finding count (DASH040)."""
    app = fixture_module().make_app(plugins=[explorer.live.plugin()])
    dash_duo.start_server(app, debug=True, use_reloader=False, dev_tools_hot_reload=False)
    dash_duo.wait_for_text_to_equal("#shout", "HELLO WORLD")
    entry = dash_duo.wait_for_element("#dce-live-devtool")
    until(lambda: entry.text == "Explorer: 1", timeout=10)
    return entry


def test_page_load_clicks_and_the_devtools_entry(dash_duo):
    entry = debug_entry(dash_duo)  # the dev-tools bar links to the live explorer
    assert entry.get_attribute("href").endswith("/_dce/live/explorer/")  # the explorer on this app

    load = settled(dash_duo, 2)
    assert [(c["output"], c["initial"], c["triggered"]) for c in load] == [
        ("greeting.children", True, []), ("shout.children", False, ["greeting.children"])]
    assert load[0]["action"] == load[1]["action"]  # the page load's chain: one action

    dash_duo.find_element("#go").click()
    dash_duo.wait_for_text_to_equal("#step2", "then step 1")
    click = settled(dash_duo, 4)[2:]
    assert [(c["output"], c["triggered"]) for c in click] == [
        ("step1.children", ["go.n_clicks"]), ("step2.children", ["step1.children"])]
    assert click[0]["action"] == click[1]["action"] != load[0]["action"]

    dash_duo.find_element("#loop").click()  # ping and pong re-fire each other until capped
    loop = settled(dash_duo, 4 + 2 * LOOP_CAP + 1)[4:]
    assert len(loop) == 2 * LOOP_CAP + 1 and len({c["output"] for c in loop}) == 2
    # pong closes the loop by set_props: its response's side update chains ping to it
    assert {c["action"] for c in loop} == {click[0]["action"] + 1}
    assert loop[0]["triggered"] == ["loop.n_clicks"] and loop[-1]["outcome"] == "prevented"

    dash_duo.find_element("#halt").click()
    dash_duo.find_element("#boom").click()
    last = settled(dash_duo, len(loop) + 6)[-2:]
    by_output = {c["output"]: c for c in last}
    assert by_output["halted.children"]["outcome"] == "prevented"
    assert by_output["boomed.children"]["outcome"] == "error"
    assert by_output["boomed.children"]["error"] == "ZeroDivisionError: division by zero"
    assert "nevered.children" not in {c["output"] for c in recorded(dash_duo)}


def test_no_devtools_entry_without_debug(dash_duo):
    app = fixture_module().make_app(plugins=[explorer.live.plugin()])
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal("#shout", "HELLO WORLD")
    assert dash_duo.find_elements("#dce-live-devtool") == []
    assert dash_duo.find_elements(".dash-debug-menu") == []
    assert len(recorded(dash_duo)) == 2  # recording does not depend on debug mode


def test_the_devtools_entry_opens_the_explorer_which_has_no_devtools_of_its_own(dash_duo):
    entry = debug_entry(dash_duo)
    driver = dash_duo.driver
    app_tab = driver.current_window_handle
    entry.click()  # target=_blank: the explorer opens in a tab of its own
    until(lambda: len(driver.window_handles) == 2, timeout=10)
    driver.switch_to.window(next(h for h in driver.window_handles if h != app_tab))
    dash_duo.wait_for_contains_text("#live-status", "live: 2 requests", timeout=60)
    assert "DASH040" in dash_duo.find_element("#findings-list").text
    # the app runs in debug mode, its explorer does not: no dev-tools bar, no entry there
    assert dash_duo.find_elements(".dash-debug-menu") == []
    assert dash_duo.find_elements("#dce-live-devtool") == []
    assert len(recorded(dash_duo)) == 2  # the explorer's own requests are not the app's
