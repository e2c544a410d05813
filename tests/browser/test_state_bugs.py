"""Issue 12's wrong, stale and frozen states, each one measured in headless Chromium."""

from __future__ import annotations

import shutil
import time

import pytest
from selenium.webdriver.common.keys import Keys

from analysis.probe.runner import snapshot_target
from explorer.app import create_app
from explorer.projects import Project, ProjectStore
from paths import REPO
from tests.browser.test_explorer import (  # noqa: F401  (the fixture runs by being imported)
    idle_threads_end_first, node_count, wait_until,
)

SLOW_IMPORT = REPO / "tests" / "targets" / "slow_import"
DEMO = REPO / "examples" / "demo" / "app.py"
SHOP = REPO / "tests" / "targets" / "single_file" / "app.py"

#: The bars' labels of the summary chart as plotly drew them (its figure's y values).
CHART_BARS = """
const plot = document.querySelector("#summary-chart .js-plotly-plot");
return plot && plot.data ? plot.data.flatMap((trace) => trace.y || []) : null;
"""

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


@pytest.fixture(scope="module")
def demo_and_shop_snapshots():
    return snapshot_target(str(DEMO)), snapshot_target(str(SHOP))


@pytest.fixture
def demo_and_shop(demo_and_shop_snapshots, tmp_path):
    """The demo (7 findings) and a shop app (none), both analysed."""
    store = ProjectStore([Project("demo", target=str(DEMO)), Project("shop", target=str(SHOP))],
                         tmp_path / "results")
    for name, snapshot in zip(("demo", "shop"), demo_and_shop_snapshots):
        store.preload(name, snapshot)
    return create_app(store, cache_dir=tmp_path), store


def pick_project(dash_duo, name: str) -> None:
    dash_duo.find_element("#project-select").click()
    option = wait_until(lambda: [o for o in dash_duo.find_elements("[role=option]")
                                 if o.text.startswith(name)], message=f"the option {name}")
    option[0].click()
    dash_duo.wait_for_contains_text("#status", f"{name}: analysed at")


def test_the_summary_chart_follows_the_project_with_a_filter_on(dash_duo, demo_and_shop):
    app, _ = demo_and_shop
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/?severity=error")
    bars = wait_until(lambda: dash_duo.driver.execute_script(CHART_BARS),
                      message="the demo's chart")
    assert any("DASH001" in bar for bar in bars)
    pick_project(dash_duo, "shop")  # no findings: the error filter leaves its graph empty
    wait_until(lambda: dash_duo.driver.execute_script(CHART_BARS) == [], timeout=10,
               message="the shop's empty chart")
    assert "No findings" in dash_duo.find_element("#summary-chart").text


@pytest.fixture(scope="module")
def demo_snapshot():
    return snapshot_target(str(DEMO))


@pytest.fixture
def demo_app(demo_snapshot, tmp_path):
    store = ProjectStore([Project("demo", target=str(DEMO))], tmp_path / "results")
    store.preload("demo", demo_snapshot)
    return create_app(store, cache_dir=tmp_path), store


def test_the_focus_depth_box_is_clamped_rounded_and_agrees_with_the_slider(dash_duo, demo_app):
    app, _ = demo_app
    dash_duo.start_server(app)
    dash_duo.wait_for_element(".finding-item", timeout=20)
    box = dash_duo.find_element("#focus-depth-input")
    thumb = "#focus-depth-slider [role=slider]"
    for typed, shown in (("0", "1"), ("99", "10"), ("2.5", "3"), ("", "3")):
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE, *typed, Keys.ENTER)
        wait_until(lambda: box.get_attribute("value") == shown, timeout=5,
                   message=f"the box to show {shown} after {typed!r}")
        wait_until(lambda: dash_duo.find_element(thumb).get_attribute("aria-valuenow") == shown,
                   timeout=5, message=f"the slider to show {shown} after {typed!r}")
