"""The explorer in headless Chromium, read as a new user would: callbacks named so that one
can place them, whole-graph image exports, the hosted upload bar in its place, and the small
things (empty views, cut-off lists, counts, order, keyboard, progress, cancel)."""

from __future__ import annotations

import struct
import sys
import time
import zlib
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys

from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from explorer.app import create_app
from explorer.projects import Project, ProjectStore
from paths import REPO

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hosted_support import write_projects  # noqa: E402
# the same harness as the explorer's other browser tests (the fixture is autouse here too)
from test_explorer import (  # noqa: E402,F401
    idle_threads_end_first, start_hanging_analysis, wait_until)

DEMO = REPO / "examples" / "demo" / "app.py"
FACTORY = REPO / "tests" / "targets" / "factory_callbacks" / "app.py"

#: How many nodes cytoscape draws, and the bounding box of everything it draws.
DRAWN = """
const root = document.getElementById("graph");
const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
if (!holder) { return null; }
const cy = holder._cyreg.cy, box = cy.elements().boundingBox();
return {nodes: cy.nodes().length, w: box.w, h: box.h, width: cy.width(), height: cy.height()};
"""


@pytest.fixture(autouse=True)
def controls_open(dash_duo):
    """A window wide enough (1600 px and up) that the controls panel starts open: these tests
    use its filters, exports and focus box; the page collapses it on narrower windows."""
    dash_duo.driver.set_window_size(1700, 1000)


@pytest.fixture(scope="module")
def demo_snapshot() -> Snapshot:
    return snapshot_target(str(DEMO))


def store_of(name: str, target: Path, snapshot: Snapshot, tmp_path: Path) -> ProjectStore:
    store = ProjectStore([Project(name, target=str(target))], tmp_path / "results")
    store.preload(name, snapshot)
    return store


def drawn(dash_duo) -> dict:
    return dash_duo.driver.execute_script(DRAWN) or {"nodes": 0}


def start(dash_duo, store: ProjectStore, tmp_path: Path, path: str = "/") -> None:
    dash_duo.start_server(create_app(store, cache_dir=tmp_path / "cache"))
    if path != "/":
        dash_duo.driver.get(dash_duo.server_url + path)
    dash_duo.wait_for_element(".finding-item", timeout=20)
    wait_until(lambda: drawn(dash_duo)["nodes"] > 0, message="the graph to be drawn")


def search_labels(dash_duo, query: str) -> list[str]:
    box = dash_duo.find_element("#search-input")
    box.clear()
    box.send_keys(query)
    dash_duo.wait_for_element("#search-results button")
    time.sleep(0.5)  # the list of the whole query, not of its first letters
    return [b.text for b in dash_duo.find_elements("#search-results button")]


def test_callbacks_are_named_by_their_js_function_and_told_apart_by_outputs(dash_duo,
                                                                          tmp_path):
    store = store_of("factory", FACTORY, snapshot_target(str(FACTORY)), tmp_path)
    start(dash_duo, store, tmp_path)
    # inline clientside code is found and listed by the name its function was given
    assert any(label.startswith("showTitle") for label in search_labels(dash_duo, "showTitle"))
    assert any(label.startswith("startChain") for label in search_labels(dash_duo, "startChain"))
    # four callbacks made by one factory: four different rows, each saying what it writes
    steps = [label for label in search_labels(dash_duo, "step") if "callback" in label]
    assert len(steps) == 4 and len(set(steps)) == 4, steps
    assert all(f"→ step-{n}.data" in " ".join(steps) for n in range(1, 5)), steps
    functions = [e.text for e in dash_duo.find_elements("#findings-list .finding-function")]
    assert len(functions) == 4 and len(set(functions)) == 4, functions
    # the details of a named clientside callback: its name, and its kind said once
    search_labels(dash_duo, "showTitle")
    dash_duo.find_element("#search-input").send_keys(Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#details h5", "showTitle")
    badges = [b.text for b in dash_duo.find_elements("#details .badge")]
    assert badges.count("clientside") == 1, badges


def png_size_and_corner(data: bytes) -> tuple[int, int, tuple[int, ...]]:
    """Width, height and the top-left pixel (RGBA) of a PNG, read with the standard library.
    The first pixel of a row is stored as is whatever the row's filter (its left and
    upper neighbours count as zero)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        if kind == b"IDAT":
            chunks.append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    channels = {6: 4, 2: 3}[colour]
    assert depth == 8
    return width, height, tuple(raw[1:1 + channels])


def test_png_and_svg_exports_draw_the_whole_graph_at_twice_its_size_on_white(
        dash_duo, demo_snapshot, tmp_path):
    start(dash_duo, store_of("demo", DEMO, demo_snapshot, tmp_path), tmp_path)
    folder = Path(dash_duo.download_path)
    graph = drawn(dash_duo)
    dash_duo.find_element("#export-png").click()
    png = folder / "demo-callbacks.png"
    data = wait_until(lambda: png.exists() and png.stat().st_size > 100 and png.read_bytes(),
                      message="the PNG download")
    width, height, corner = png_size_and_corner(data)
    # the graph's bounding box at 2x, not the viewport (cytoscape rounds up a pixel or two)
    assert width >= 2 * graph["w"] - 2 and height >= 2 * graph["h"] - 2, (width, height, graph)
    assert (width, height) != (round(graph["width"]), round(graph["height"]))
    assert corner[:3] == (255, 255, 255) and corner[3:] in ((), (255,)), corner
    dash_duo.find_element("#export-svg").click()
    svg = folder / "demo-callbacks.svg"
    text = wait_until(lambda: svg.exists() and "</svg>" in svg.read_text(errors="ignore")
                      and svg.read_text(), message="the SVG download")
    assert 'fill="#ffffff"' in text or "fill:#ffffff" in text or "rgb(255,255,255)" in text
    width = float(text.split('width="', 1)[1].split('"', 1)[0].removesuffix("px"))
    assert width >= graph["w"] - 2, (width, graph)  # drawn at 100%: legible as it is


def test_the_hosted_upload_bar_sits_below_the_navbar(dash_duo, tmp_path):
    from explorer.hosted.server import HostedSettings, build_hosted_app

    settings = HostedSettings(config=write_projects(tmp_path), data_dir=tmp_path / "data")
    dash_duo.start_server(build_hosted_app(settings))
    dash_duo.wait_for_element("#snapshot-upload", timeout=30)
    navbar = dash_duo.find_element(".navbar").rect
    upload = dash_duo.find_element("#snapshot-upload").rect
    assert upload["y"] >= navbar["y"] + navbar["height"], (upload, navbar)


def test_an_empty_view_and_a_cut_off_search_say_so(dash_duo, demo_snapshot, tmp_path):
    store = store_of("demo", DEMO, demo_snapshot, tmp_path)
    dash_duo.start_server(create_app(store, cache_dir=tmp_path / "cache"))
    search_labels(dash_duo, "a")
    dash_duo.wait_for_contains_text("#search-results", "20 of ")
    # no demo finding is an info: that filter leaves nothing to draw
    dash_duo.driver.get(dash_duo.server_url + "/?project=demo&severity=info")
    dash_duo.wait_for_contains_text("#graph-caption", "Nothing matches", timeout=20)


def test_findings_are_ordered_by_severity_and_work_from_the_keyboard(dash_duo, demo_snapshot,
                                                                   tmp_path):
    start(dash_duo, store_of("demo", DEMO, demo_snapshot, tmp_path), tmp_path)
    rank = {"error": 0, "warning": 1, "info": 2}
    items = dash_duo.find_elements(".finding-item")
    severities = [item.find_element("css selector", ".badge").text for item in items]
    assert severities == sorted(severities, key=rank.__getitem__), severities
    first = items[0]
    assert first.get_attribute("tabIndex") == "0" or first.tag_name == "button"
    dash_duo.driver.execute_script("arguments[0].focus()", first)
    assert dash_duo.driver.switch_to.active_element == first
    first.send_keys(Keys.ENTER)
    dash_duo.wait_for_contains_text("#details", "Why and how to fix")
    dash_duo.find_element("body").send_keys(Keys.ESCAPE)
    dash_duo.wait_for_contains_text("#details", "Select a callback")


def test_details_count_in_words_and_show_progress_and_cancel(dash_duo, demo_snapshot,
                                                             tmp_path):
    start(dash_duo, store_of("demo", DEMO, demo_snapshot, tmp_path), tmp_path)
    search_labels(dash_duo, "navbar-toggler")
    (component,) = [b for b in dash_duo.find_elements("#search-results button")
                    if b.text.startswith("navbar-toggler component")]
    component.click()
    dash_duo.wait_for_contains_text("#details", "1 property used by callbacks")
    search_labels(dash_duo, "build_report")
    dash_duo.find_element("#search-input").send_keys(Keys.ENTER)
    dash_duo.wait_for_contains_text("#details", "report-progress.value")
    details = dash_duo.find_element("#details").text
    assert "Progress" in details and "report-progress.label" in details
    assert "Cancelled by" in details and "report-cancel.n_clicks" in details
    badges = [b.text for b in dash_duo.find_elements("#details .badge")]
    assert badges.count("background") == 1, badges


#: Whether the progress bar's label is cut: its text wider than the bar drawn for it.
LABEL_CLIPPED = """
const bar = document.querySelector("#analysis-progress .progress-bar");
return bar ? [bar.textContent, bar.scrollWidth > bar.clientWidth + 1] : null;
"""


def test_progress_is_readable_while_analysing_and_cancel_says_so(dash_duo, tmp_path):
    start_hanging_analysis(dash_duo, tmp_path)
    button = dash_duo.find_element("#analyse-button")
    wait_until(lambda: (dash_duo.driver.execute_script(LABEL_CLIPPED) or [""])[0],
               message="the progress label")
    time.sleep(1)  # Bootstrap's bar grows to its width in 0.6 s
    label = dash_duo.driver.execute_script(LABEL_CLIPPED)
    assert label[0].startswith("analys") and not label[1], label
    dash_duo.find_element("#cancel-button").click()
    wait_until(button.is_enabled, message="the job to stop")
    dash_duo.wait_for_contains_text("#status", "cancelled", timeout=15)
