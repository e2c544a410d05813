"""The explorer the live plugin serves inside the running app (``/_dce/live/explorer/``), in Chromium."""

from __future__ import annotations

import os

from test_explorer import wait_until
from test_live_overlay import (live_app, recorded, shows_new_calls_without_a_reload,  # noqa: F401
                               styles, use_the_app)  # (live_app: a fixture)

#: Set to a path to keep the page's screenshot (docs/live-explorer.png is taken this way).
SCREENSHOT_ENV = "DCE_LIVE_EXPLORER_SCREENSHOT"


def test_the_apps_own_explorer_shows_the_run_and_refreshes_without_a_reload(dash_br, live_app):
    _, app_url = live_app
    driver = use_the_app(dash_br, app_url)  # the page load, a click on the loop, one on "fail"
    used = recorded(app_url)
    assert len(used.calls) == 44

    # The plain page links to the explorer on this app.
    driver.get(app_url + "_dce/live/")
    dash_br.find_element("#dce-live-explorer-link").click()
    wait_until(lambda: driver.current_url == app_url + "_dce/live/explorer/",
               message="the explorer's page")
    dash_br.wait_for_contains_text("#live-status", "live: 44 requests", timeout=60)
    assert "this app (/)" in dash_br.find_element("#live-status").text
    wait_until(lambda: "21 calls" in styles(driver).get("forward", [""])[0],
               message="the overlay's labels on the graph")
    drawn = styles(driver)
    assert drawn["count"][0].startswith("count\n1 call (1 on load) · p95 ")
    assert drawn["forward"][0].startswith("forward\n21 calls · p95")
    assert drawn["back"][0].startswith("back\n21 calls · p95")
    assert drawn["never"][0] == "never\nnever called" and drawn["never"][2] == "dashed"
    assert "1 failed" in drawn["fail"][0]
    findings = dash_br.find_element("#findings-list").text
    for line in ("DASH040", "DASH012", "`forward` fired 21 times for one click on loop-go",
                 "`never` was never called in this session (44 requests)",
                 "RUNTIME001", "RUNTIME003", "`fail` failed once in 1 call: ValueError"):
        assert line in findings, line
    # no probe to run again: the snapshot is the running app's own registrations
    assert not dash_br.find_element("#analyse-button").is_displayed()
    if os.environ.get(SCREENSHOT_ENV):
        dash_br.find_element("#fit-all").click()
        driver.execute_script("document.activeElement.blur();")
        driver.save_screenshot(os.environ[SCREENSHOT_ENV])

    shows_new_calls_without_a_reload(dash_br, app_url)

    # The explorer's own requests (its page, its polls every 2 s) were never recorded.
    after = recorded(app_url)
    assert len(after.calls) == 46  # the 44, and the other tab's page load and click
    assert {c.output for c in after.calls} == {c.output for c in used.calls}
