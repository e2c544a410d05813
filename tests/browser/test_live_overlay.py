"""Issue 16's done-when: a fixture app with the live plugin on, clicked through in Chromium, then
``python app.py APP --live URL`` shows its counts, page-load calls, loop and never-called callback."""

from __future__ import annotations

import json
import os
import shlex
import sys
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys

from analysis.runtime.model import RuntimeLog
from analysis.runtime.stats import callback_stats
from docs.screenshot import free_port, start_server, stop_server, wait_until_serving
from paths import APPS
from test_explorer import COUNT_NODES, select_by_search, wait_until

APP = APPS / "live" / "overlay_app.py"
LAUNCHER = Path(__file__).parent / "live_server.py"
#: Set to a path to keep the overlay's screenshot (docs/live-overlay.png is taken this way).
SCREENSHOT_ENV = "DCE_LIVE_SCREENSHOT"
#: Set to a path to keep the run's log as JSON (tests/apps/live/overlay_run.json, which the
#: overlay's unit tests read, was recorded this way).
RECORD_ENV = "DCE_LIVE_RECORD"

#: Every callback node: its name (element data), and the label and fill the overlay gave it.
CALLBACK_STYLES = """
const root = document.getElementById("graph");
const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
if (!holder) { return {}; }
const out = {};
holder._cyreg.cy.nodes(".callback").forEach((n) => {
    out[n.data("label")] = [n.style("label"), n.style("background-color"), n.style("border-style")];
});
return out;
"""


def served(command: str, url_path: str, tmp_path: Path, name: str):
    port, log = free_port(), tmp_path / f"{name}.log"
    server = start_server(command, port, log)
    url = f"http://127.0.0.1:{port}/"
    wait_until_serving(server, url + url_path, 120, log)
    return server, url


@pytest.fixture
def live_app(tmp_path: Path):
    """The fixture app with the plugin on, in its own server process: (process, URL)."""
    command = f"{shlex.quote(sys.executable)} {shlex.quote(str(LAUNCHER))} " \
              f"{shlex.quote(str(APP))} {{port}}"
    server, url = served(command, "_dce/live/calls", tmp_path, "app")
    try:
        yield server, url
    finally:
        stop_server(server)


@pytest.fixture
def explorer(live_app, tmp_path: Path):
    """``python app.py APP --live URL`` in its own process: its URL."""
    _, app_url = live_app
    command = (f"{shlex.quote(sys.executable)} app.py {shlex.quote(str(APP))} --live {app_url} "
               f"--port {{port}} --cache-dir {shlex.quote(str(tmp_path / 'cache'))}")
    server, url = served(command, "", tmp_path, "explorer")
    try:
        yield url
    finally:
        stop_server(server)


def recorded(app_url: str) -> RuntimeLog:
    with urllib.request.urlopen(app_url + "_dce/live/calls", timeout=5) as response:
        return RuntimeLog.from_dict(json.load(response))


def styles(driver) -> dict:
    return driver.execute_script(CALLBACK_STYLES)


def use_the_app(dash_br, app_url: str):
    """The app at 1280x800, as a user uses it: the page load, one click on the loop, one on
    "fail" (44 requests once recorded); the driver."""
    driver = dash_br.driver
    driver.set_window_size(1280, 800)
    # the reference size is the page's own (the window's includes its frame)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    dash_br.server_url = app_url
    dash_br.wait_for_text_to_equal("#clicks", "Clicked None times", timeout=30)
    dash_br.find_element("#loop-go").click()
    dash_br.wait_for_text_to_equal("#b", "41", timeout=30)
    dash_br.find_element("#fail-go").click()
    wait_until(lambda: "fail-out.children" in callback_stats(recorded(app_url)),
               message="the failing request to be recorded")
    return driver


def shows_new_calls_without_a_reload(dash_br, app_url: str) -> None:
    """The open explorer page refreshes without a reload: another visit and a click on
    "count" in another tab show up on its graph."""
    driver = dash_br.driver
    driver.execute_script("window.__sameDocument = true;")
    explorer_tab = driver.current_window_handle
    driver.switch_to.new_window("tab")
    driver.get(app_url)
    dash_br.wait_for_text_to_equal("#clicks", "Clicked None times", timeout=30)
    dash_br.find_element("#count-go").click()
    dash_br.wait_for_text_to_equal("#clicks", "Clicked 1 times", timeout=30)
    driver.close()
    driver.switch_to.window(explorer_tab)
    wait_until(lambda: styles(driver)["count"][0].startswith("count\n3 calls (2 on load)"),
               message="the new calls on the open page")
    assert driver.execute_script("return window.__sameDocument === true")


def test_the_overlay_shows_counts_page_load_calls_the_loop_and_the_never_called_callback(
        dash_br, live_app, explorer):
    server, app_url = live_app
    driver = use_the_app(dash_br, app_url)
    stats = callback_stats(recorded(app_url))
    if os.environ.get(RECORD_ENV):
        Path(os.environ[RECORD_ENV]).write_text(
            json.dumps(recorded(app_url).to_dict(), indent=1) + "\n", encoding="utf-8")
    # What the plugin saw is the truth the overlay must show.
    assert (stats["clicks.children"].calls, stats["clicks.children"].initial_calls) == (1, 1)
    assert (stats["b.children"].calls, stats["b.children"].most_in_one_action) == (21, 21)
    assert "never.children" not in stats and stats["fail-out.children"].errors == 1

    # The explorer with --live on the running app.
    dash_br.server_url = explorer
    dash_br.wait_for_contains_text("#live-status", "live: 44 requests", timeout=60)
    wait_until(lambda: "21 calls" in styles(driver).get("forward", [""])[0],
               message="the overlay's labels on the graph")
    drawn = styles(driver)
    assert drawn["count"][0] == "count\n1 call (1 on load) · p95 " + drawn["count"][0].split(
        "p95 ")[1]
    assert drawn["forward"][0].startswith("forward\n21 calls · p95")
    assert drawn["back"][0].startswith("back\n21 calls · p95")
    assert drawn["never"][0] == "never\nnever called" and drawn["never"][2] == "dashed"
    assert drawn["forward"][1] != drawn["count"][1]  # filled by calls: 21 is hotter than 1
    assert "1 failed" in drawn["fail"][0]

    # Findings: the static ones with their evidence, then the run's own.
    findings = dash_br.find_element("#findings-list").text
    for line in ("`count` ran on page load once in this session",
                 "`forward` fired 21 times for one click on loop-go",
                 "`back` fired 21 times for one click on loop-go",
                 "`never` was never called in this session (44 requests)",
                 "RUNTIME001", "RUNTIME003", "`fail` failed once in 1 call: ValueError"):
        assert line in findings, line
    assert "· 3 at run time" in dash_br.find_element("#findings-count").text

    # Details of the loop's callback: its numbers and the chain the click caused.
    select_by_search(dash_br, "forward", "Runtime (this session)")
    details = dash_br.find_element("#details").text
    assert "21 (0 on page load)" in details
    assert "one click on loop-go: forward ×21 → back ×21" in details
    if os.environ.get(SCREENSHOT_ENV):
        # the whole graph, the search's results folded away, the details' runtime section
        dash_br.find_element("#fit-all").click()
        driver.execute_script("document.activeElement.blur();"
                              "document.querySelector('.runtime-title').scrollIntoView();")
        driver.save_screenshot(os.environ[SCREENSHOT_ENV])

    shows_new_calls_without_a_reload(dash_br, app_url)

    # The app stops: one line says so, the explorer and its last overlay stay.
    stop_server(server)
    dash_br.wait_for_contains_text("#live-status", "is not answering", timeout=30)
    assert driver.execute_script(COUNT_NODES) > 0
    assert styles(driver)["never"][0] == "never\nnever called"
