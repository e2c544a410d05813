"""Issue 12's wrong, stale and frozen states, each one measured in headless Chromium."""

from __future__ import annotations

import shutil
import time

from explorer.app import create_app
from explorer.projects import Project, ProjectStore
from paths import REPO
from tests.browser.test_explorer import (  # noqa: F401  (the fixture runs by being imported)
    idle_threads_end_first, node_count, wait_until,
)

SLOW_IMPORT = REPO / "tests" / "targets" / "slow_import"

#: Tap the first callback node of the graph, as a click does (dash-cytoscape listens to "tap").
TAP_A_CALLBACK = """
const root = document.getElementById("graph");
const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
const node = holder._cyreg.cy.nodes().filter((n) => String(n.data("key")).startsWith("cb:"))[0];
node.emit("tap");
return node.data("key");
"""


def test_search_and_clicks_are_answered_while_an_analysis_runs(dash_duo, tmp_path):
    folder = tmp_path / "slow_import"
    shutil.copytree(SLOW_IMPORT, folder)
    store = ProjectStore([Project("slow", target=str(folder / "app.py"))], tmp_path / "results")
    dash_duo.start_server(create_app(store, cache_dir=tmp_path / "cache"))
    dash_duo.wait_for_contains_text("#status", "slow: analysed at", timeout=30)
    wait_until(lambda: node_count(dash_duo) > 0, message="the graph to be drawn")
    before = store.revision
    (folder / "SLOW").write_text("12")  # the next import sleeps 12 s
    button = dash_duo.find_element("#analyse-button")
    button.click()
    wait_until(lambda: not button.is_enabled(), message="the analysis to start")
    started = time.monotonic()
    dash_duo.find_element("#search-input").send_keys("show_clicks")
    dash_duo.wait_for_contains_text("#search-results", "show_clicks", timeout=10)
    dash_duo.driver.execute_script(TAP_A_CALLBACK)
    dash_duo.wait_for_contains_text("#details", "show_clicks", timeout=10)
    assert time.monotonic() - started < 10
    assert not button.is_enabled() and store.revision == before  # still analysing
    (folder / "SLOW").unlink()
    wait_until(button.is_enabled, timeout=60, message="the analysis to finish")
    wait_until(lambda: store.revision > before, message="the new snapshot to be adopted")
