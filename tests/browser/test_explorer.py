"""The explorer in headless Chromium: graph, findings, search, details, focus, filters, URL,
exports, "Analyse again" as a background job, cancel, and a broken target."""

from __future__ import annotations

import json
import gc
import threading
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys

from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from explorer.app import create_app
from explorer.projects import Project, ProjectStore
from explorer.view.filters import ViewSpec
from paths import REPO

ROOT = REPO
DEMO = ROOT / "examples" / "demo" / "app.py"
GOOD = ROOT / "tests" / "targets" / "single_file" / "app.py"
BROKEN = ROOT / "tests" / "targets" / "faults" / "raises.py"

#: How many nodes cytoscape currently draws (read from the instance cytoscape keeps on its div).
COUNT_NODES = """
const root = document.getElementById("graph");
const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
return holder ? holder._cyreg.cy.nodes().length : -1;
"""


@pytest.fixture(scope="session")
def demo_snapshot() -> Snapshot:
    return snapshot_target(str(DEMO))


@pytest.fixture
def demo_app(demo_snapshot, tmp_path):
    store = ProjectStore([Project("demo", target=str(DEMO))], tmp_path / "results")
    store.preload("demo", demo_snapshot)
    return create_app(store, cache_dir=tmp_path), store



@pytest.fixture(autouse=True)
def idle_threads_end_first(dash_duo):
    """Let the server's idle executor threads end before dash_duo stops the server.

    With async callbacks Flask runs each request through asgiref, whose per-request
    executor thread ends only when the executor is garbage-collected. dash_duo stops
    its server by raising SystemExit in every thread it did not start; those idle
    threads then log tracebacks concurrently, which trips CPython 3.11's AST
    recursion counter (python/cpython#106905) in the next ``ast.parse`` of the run.
    """
    yield
    gc.collect()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(
            t.name.startswith("ThreadPoolExecutor") for t in threading.enumerate()):
        time.sleep(0.05)


def wait_until(condition, timeout: float = 30.0, message: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {message}")


def select_by_search(duo, query: str, details: str, listed: str | None = None,
                     timeout: float = 30) -> None:
    """Select a node as a user does: type ``query`` in the search box, wait for its results
    (for ``listed`` among them, else for any), press Enter (the first hit) and wait for the
    details to show ``details``."""
    search = duo.find_element("#search-input")
    search.send_keys(query)
    if listed is None:
        duo.wait_for_element("#search-results button", timeout=timeout)
    else:
        duo.wait_for_contains_text("#search-results", listed, timeout=timeout)
    search.send_keys(Keys.ENTER)
    duo.wait_for_contains_text("#details", details, timeout=timeout)


def node_count(dash_duo) -> int:
    return dash_duo.driver.execute_script(COUNT_NODES)


def start(dash_duo, app, path: str = "/") -> None:
    # The reference size: at dash_duo's default width, the two open side panels
    # leave the toolbar too little room for the caption.
    dash_duo.driver.set_window_size(1280, 800)
    dash_duo.start_server(app)
    if path != "/":
        dash_duo.driver.get(dash_duo.server_url + path)
    dash_duo.wait_for_element(".finding-item", timeout=20)
    wait_until(lambda: node_count(dash_duo) > 0, message="the graph to be drawn")
    # The controls start collapsed on a window this size (the graph owns the screen).
    dash_duo.find_element("#toggle-controls").click()
    wait_until(lambda: dash_duo.find_element("#filter-severity").is_displayed(),
               message="the controls to open")


def test_demo_loads_with_graph_and_findings(dash_duo, demo_app, demo_snapshot):
    app, store = demo_app
    start(dash_duo, app)
    findings = store.services("demo").findings
    assert findings
    listed = dash_duo.find_element("#findings-list").text
    for finding in findings:
        assert finding.code in listed
        for function in finding.functions:
            assert function.rsplit(".", 1)[-1] in listed
    callbacks = [cb for cb in demo_snapshot.callbacks if not cb.internal]
    assert node_count(dash_duo) > len(callbacks)
    assert f"{len(callbacks)} of {len(callbacks)} callbacks" in dash_duo.find_element(
        "#graph-caption").text
    assert dash_duo.get_logs() == []


def test_search_selects_a_node(dash_duo, demo_app):
    app, _ = demo_app
    start(dash_duo, app)
    select_by_search(dash_duo, "ship_pending", "pages/orders.py:114", listed="ship_pending")
    assert "node=cb" in dash_duo.driver.current_url
    dash_duo.find_element("#clear-selection").click()
    dash_duo.wait_for_contains_text("#details", "Select a callback")


#: (border colour, background colour) of a drawn element, by its cytoscape id.
ELEMENT_COLOURS = """
const root = document.getElementById("graph");
const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
const node = holder && holder._cyreg.cy.getElementById(arguments[0]);
return node && node.nonempty() ? [node.style("border-color"), node.style("background-color")]
                               : null;
"""


def test_search_matches_and_the_selection_light_up_and_focus_draws_the_neighbourhood(
        dash_duo, demo_app, demo_snapshot):
    """Highlighting is composed in the browser from the selection and the search matches;
    a focus view redraws around the selection."""
    app, _ = demo_app
    start(dash_duo, app)
    (ship,) = [cb for cb in demo_snapshot.callbacks if cb.function.endswith(".ship_pending")]
    element = f"cb-{ship.index}"
    colours = lambda: dash_duo.driver.execute_script(ELEMENT_COLOURS, element)  # noqa: E731
    assert colours()[1] != "rgb(255,245,157)"
    search = dash_duo.find_element("#search-input")
    search.send_keys("ship_pending")
    wait_until(lambda: colours()[1] == "rgb(255,245,157)", message="the match highlighted")
    search.send_keys(Keys.ENTER)
    wait_until(lambda: colours()[0] == "rgb(13,110,253)", message="the selection highlighted")
    # a small graph draws every node: no group to close, whatever the selection opened
    assert not dash_duo.find_element("#overview-reset").is_displayed()
    everything = node_count(dash_duo)
    dash_duo.find_element("label[for='_dbcprivate_radioitems_focus-direction_input_downstream']"
                          ).click()
    wait_until(lambda: 0 < node_count(dash_duo) < everything, message="the focus view")
    assert colours()[0] == "rgb(13,110,253)"  # still selected in the redrawn graph


def test_clicking_a_finding_opens_its_details_with_source(dash_duo, demo_app):
    app, _ = demo_app
    start(dash_duo, app)
    item = next(e for e in dash_duo.find_elements(".finding-item") if "DASH001" in e.text)
    item.click()
    dash_duo.wait_for_contains_text("#details", "def filter_orders")
    details = dash_duo.find_element("#details").text
    assert "Why is this bad?" in details and "pages/orders.py:91" in details
    assert "finding=" in dash_duo.driver.current_url


def test_focus_slider_and_input_stay_in_sync(dash_duo, demo_app):
    app, _ = demo_app
    start(dash_duo, app)
    box = dash_duo.find_element("#focus-depth-input")
    box.send_keys(Keys.BACKSPACE, "4", Keys.TAB)
    thumb = "#focus-depth-slider [role=slider]"
    wait_until(lambda: dash_duo.find_element(thumb).get_attribute("aria-valuenow") == "4",
               message="the slider to follow the input")
    dash_duo.find_element(thumb).send_keys(Keys.ARROW_RIGHT)
    wait_until(lambda: box.get_attribute("value") == "5", message="the input to follow the slider")
    assert "depth=5" in dash_duo.driver.current_url


def test_a_filter_hides_nodes(dash_duo, demo_app):
    app, _ = demo_app
    start(dash_duo, app)
    before = node_count(dash_duo)
    dash_duo.find_element("#filter-severity").click()
    dash_duo.find_element("[role=option] input[value=error]").click()
    wait_until(lambda: 0 < node_count(dash_duo) < before, message="fewer nodes")
    assert "severity=error" in dash_duo.driver.current_url


def test_the_url_restores_a_view(dash_duo, demo_app):
    app, store = demo_app
    services = store.services("demo")
    key = next(k for k, cb in services.catalog.callbacks.items() if cb.name == "filter_orders")
    start(dash_duo, app, f"/?project=demo&q=orders&group=pages.orders&severity=error"
                         f"&node={key}&focus=downstream&depth=2")
    dash_duo.wait_for_contains_text("#details", "def filter_orders")
    assert dash_duo.find_element("#focus-depth-input").get_attribute("value") == "2"
    assert "error" in dash_duo.find_element("#filter-severity").text
    assert "pages.orders" in dash_duo.find_element("#filter-group").text
    assert dash_duo.find_element("#search-input").get_attribute("value") == "orders"
    spec = ViewSpec(groups=("pages.orders",), severities=("error",), focus=(key,),
                    direction="downstream", depth=2)
    expected = [e for e in services.elements(spec) if "source" not in e["data"]]
    wait_until(lambda: node_count(dash_duo) == len(expected), message="the focused view")
    assert len(expected) < len(services.elements(ViewSpec()))


def test_json_export_downloads_a_valid_snapshot(dash_duo, demo_app, demo_snapshot):
    app, _ = demo_app
    start(dash_duo, app)
    dash_duo.find_element("#export-json").click()
    target = Path(dash_duo.download_path) / "demo-snapshot.json"
    wait_until(target.exists, message="the download")
    downloaded = Snapshot.from_json(wait_until(lambda: target.read_text() or None,
                                               message="the file's content"))
    assert downloaded == demo_snapshot
    assert json.loads(target.read_text())["schema_version"] == demo_snapshot.schema_version


def test_the_graph_exports_as_svg_and_png(dash_duo, demo_app):
    app, _ = demo_app
    start(dash_duo, app)
    folder = Path(dash_duo.download_path)
    dash_duo.find_element("#export-svg").click()
    svg = folder / "demo-callbacks.svg"
    wait_until(lambda: svg.exists() and "<svg" in svg.read_text(errors="ignore"),
               message="the SVG download")
    dash_duo.find_element("#export-png").click()
    png = folder / "demo-callbacks.png"
    wait_until(lambda: png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n",
               message="the PNG download")


def test_analyse_again_runs_in_the_background_with_the_button_disabled(dash_duo, tmp_path):
    store = ProjectStore([Project("shop", target=str(GOOD))], tmp_path / "results")
    dash_duo.start_server(create_app(store, cache_dir=tmp_path))
    dash_duo.wait_for_contains_text("#status", "shop: analysed at", timeout=30)
    before = store.revision
    button = dash_duo.find_element("#analyse-button")
    assert button.is_enabled()
    button.click()
    wait_until(lambda: not button.is_enabled(), message="the button to be disabled")
    assert dash_duo.find_element("#cancel-button").is_enabled()
    wait_until(button.is_enabled, timeout=60, message="the analysis to finish")
    wait_until(lambda: store.revision > before, message="the new snapshot to be adopted")
    assert store.state("shop").error is None
    assert not dash_duo.find_element("#cancel-button").is_enabled()
    assert not list((tmp_path / "results").glob("*.json"))  # adopted, then removed


def test_a_broken_target_shows_its_error_and_the_page_stays_usable(dash_duo, tmp_path):
    store = ProjectStore(
        [Project("broken", target=str(BROKEN)), Project("shop", target=str(GOOD))],
        tmp_path / "results",
    )
    dash_duo.start_server(create_app(store, cache_dir=tmp_path))
    dash_duo.wait_for_contains_text("#status", "Analysis of broken failed", timeout=30)
    error = store.state("broken").error
    assert error and error in dash_duo.find_element("#status").text
    dash_duo.wait_for_contains_text("#findings-list", "No analysis")
    dash_duo.find_element("#project-select").click()
    shop = wait_until(lambda: [o for o in dash_duo.find_elements("[role=option]")
                               if o.text.startswith("shop")], message="the project options")
    shop[0].click()
    dash_duo.wait_for_contains_text("#status", "shop: analysed at", timeout=30)
    dash_duo.find_element("#search-input").send_keys("app.py")
    dash_duo.wait_for_element("#search-results button")
    assert dash_duo.get_logs() == []


HANGS_WHEN_FLAGGED = '''
import os
import time

from dash import Dash, html

if os.path.exists(os.path.join(os.path.dirname(__file__), "HANG")):
    time.sleep(300)
app = Dash(__name__)
app.layout = html.Div("ready", id="ready")
'''


def processes_mentioning(text: str) -> list[str]:
    """Command lines of running processes that mention ``text``."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="ignore")
        except OSError:
            continue
        if text in args:
            found.append(args)
    return found


def start_hanging_analysis(dash_duo, tmp_path) -> tuple[ProjectStore, Path, int]:
    """Serve a project whose next analysis hangs, and start that analysis: the store, the
    target and the store's revision before it."""
    target = tmp_path / "slow_app" / "app.py"
    target.parent.mkdir()
    target.write_text(HANGS_WHEN_FLAGGED)
    store = ProjectStore([Project("slow", target=str(target))], tmp_path / "results")
    dash_duo.start_server(create_app(store, cache_dir=tmp_path / "cache"))
    dash_duo.wait_for_contains_text("#status", "slow: analysed at", timeout=30)
    before = store.revision
    (target.parent / "HANG").touch()
    dash_duo.find_element("#analyse-button").click()
    return store, target, before


def test_cancel_stops_the_analysis_and_its_probe(dash_duo, tmp_path):
    store, target, before = start_hanging_analysis(dash_duo, tmp_path)
    button = dash_duo.find_element("#analyse-button")
    wait_until(lambda: processes_mentioning(str(target)), message="the probe to start")
    dash_duo.find_element("#cancel-button").click()
    wait_until(button.is_enabled, message="the job to stop")
    wait_until(lambda: not processes_mentioning(str(target)), message="the probe to die")
    assert store.revision == before and store.state("slow").error is None
