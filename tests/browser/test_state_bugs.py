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
from tests.browser.test_explorer import (  # noqa: F401  (fixtures are used by being imported)
    demo_app, demo_snapshot, idle_threads_end_first, node_count, wait_until,
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


@pytest.fixture(autouse=True)
def controls_open(dash_duo):
    """A window wide enough (1600 px and up) that the controls panel starts open: these tests
    use its filters, exports and focus box; the page collapses it on narrower windows."""
    dash_duo.driver.set_window_size(1700, 1000)


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


def test_the_kind_filter_filters_the_findings_list_like_the_graph(dash_duo, demo_app):
    app, _ = demo_app
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/?kind=clientside")  # no finding is clientside
    dash_duo.wait_for_contains_text("#findings-count", "Findings (0 of 7)", timeout=20)
    assert not dash_duo.find_elements(".finding-item")

#: The labels of the nodes cytoscape draws.
NODE_LABELS = """
const root = document.getElementById("graph");
const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
return holder ? holder._cyreg.cy.nodes().map((n) => n.data("label")) : null;
"""


def test_a_single_file_app_has_no_page_to_group_by(dash_duo, demo_and_shop):
    app, _ = demo_and_shop
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/?project=shop&collapse=group")
    dash_duo.wait_for_contains_text("#status", "shop: analysed at", timeout=20)
    labels = wait_until(lambda: dash_duo.driver.execute_script(NODE_LABELS), timeout=10,
                        message="the graph to be drawn")
    time.sleep(1)  # the graph settles on its last elements
    labels = dash_duo.driver.execute_script(NODE_LABELS)
    # every callback is drawn, and no page/module node ("app\n2 callbacks") holds them
    assert "update_total" in labels and not any("callbacks" in str(label) for label in labels)
    dash_duo.find_element("#filter-group").click()
    assert not [o for o in dash_duo.find_elements("[role=option]") if o.text == "app"]


def test_back_and_forward_restore_the_view_the_address_names(dash_duo, demo_app):
    app, _ = demo_app
    dash_duo.start_server(app)
    dash_duo.wait_for_element(".finding-item", timeout=20)
    search = dash_duo.find_element("#search-input")
    search.send_keys("ship_pending")
    wait_until(lambda: "q=ship_pending" in dash_duo.driver.current_url, message="the search URL")
    search.send_keys(Keys.ENTER)
    dash_duo.wait_for_contains_text("#details", "pages/orders.py:114")
    wait_until(lambda: "node=" in dash_duo.driver.current_url, message="the selection's URL")
    dash_duo.driver.back()
    dash_duo.wait_for_contains_text("#details", "Select a callback", timeout=10)
    assert "node=" not in dash_duo.driver.current_url
    assert "q=ship_pending" in dash_duo.driver.current_url
    dash_duo.driver.back()
    wait_until(lambda: search.get_attribute("value") == "", timeout=10,
               message="the search box to empty")
    dash_duo.driver.forward()
    dash_duo.driver.forward()  # the history was kept: restoring wrote no new entries
    # two restores in a row, each a chain of callbacks: slow only on a loaded machine
    dash_duo.wait_for_contains_text("#details", "pages/orders.py:114", timeout=30)
    assert search.get_attribute("value") == "ship_pending"


#: Counts of what cytoscape draws, and a tap on the first cluster (as a click does).
DRAWN_CALLBACKS = """
const root = document.getElementById("graph");
const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
return holder ? holder._cyreg.cy.nodes(".callback").length : -1;
"""
DRAWN_CLUSTERS = DRAWN_CALLBACKS.replace('".callback"', '".aggregate"')
TAP_A_CLUSTER = """
const root = document.getElementById("graph");
const holder = [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
holder._cyreg.cy.nodes(".aggregate")[0].emit("tap");
"""


def test_opened_clusters_are_kept_in_the_url(dash_duo, tmp_path):
    from analysis.snapshot import write_atomic
    from benchmarks.generate_app import generate_app

    target = tmp_path / "large_app.py"
    write_atomic(target, generate_app(200))  # above LARGE_GRAPH: opens as the overview
    store = ProjectStore([Project("large", target=str(target))], tmp_path / "results")
    store.preload("large", snapshot_target(str(target), timeout=120))
    dash_duo.start_server(create_app(store, cache_dir=tmp_path))
    # the overview drawn: clusters there (an empty canvas has no callbacks either)
    wait_until(lambda: dash_duo.driver.execute_script(DRAWN_CLUSTERS) > 0
               and dash_duo.driver.execute_script(DRAWN_CALLBACKS) == 0, message="the overview")
    time.sleep(0.5)
    dash_duo.driver.execute_script(TAP_A_CLUSTER)
    wait_until(lambda: dash_duo.driver.execute_script(DRAWN_CALLBACKS) > 0,
               message="the cluster to open")
    opened = dash_duo.driver.execute_script(DRAWN_CALLBACKS)
    link = wait_until(lambda: "open=" in dash_duo.driver.current_url
                      and dash_duo.driver.current_url, timeout=5, message="open= in the URL")
    dash_duo.driver.get(dash_duo.server_url + "/")
    wait_until(lambda: dash_duo.driver.execute_script(DRAWN_CLUSTERS) > 0
               and dash_duo.driver.execute_script(DRAWN_CALLBACKS) == 0,
               message="the closed overview")
    dash_duo.driver.get(link)
    wait_until(lambda: dash_duo.driver.execute_script(DRAWN_CALLBACKS) == opened,
               message="the link to open the same cluster")


#: Pairs of drawn nodes whose boxes, labels included, overlap (by label).
OVERLAPS = """
const root = document.getElementById("graph");
const holder = [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
const nodes = holder._cyreg.cy.nodes();
const boxes = nodes.map((n) => [n.data("label"), n.boundingBox({includeLabels: true})]);
const found = [];
boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
    if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) { found.push([a, b]); }
}));
return found;
"""


def test_collapsed_components_do_not_cover_each_others_labels(dash_duo, demo_app):
    app, _ = demo_app
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/?collapse=component")
    dash_duo.wait_for_element(".finding-item", timeout=20)
    wait_until(lambda: dash_duo.driver.execute_script(
        "return document.querySelectorAll('#graph canvas').length") > 0, message="the graph")
    time.sleep(1.5)  # the layout has run
    assert dash_duo.driver.execute_script(OVERLAPS) == []
