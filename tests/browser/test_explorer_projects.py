"""Projects in the browser: "Analyse again" as a background job, and a broken target."""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path

import pytest

from explorer.app import create_app
from explorer.projects import Project, ProjectStore

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "targets" / "single_file" / "app.py"
BROKEN = ROOT / "tests" / "targets" / "faults" / "raises.py"



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
    assert list((tmp_path / "results").glob("shop-*.json"))


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


def test_cancel_stops_the_analysis_and_its_probe(dash_duo, tmp_path):
    target = tmp_path / "slow_app" / "app.py"
    target.parent.mkdir()
    target.write_text(HANGS_WHEN_FLAGGED)
    store = ProjectStore([Project("slow", target=str(target))], tmp_path / "results")
    dash_duo.start_server(create_app(store, cache_dir=tmp_path / "cache"))
    dash_duo.wait_for_contains_text("#status", "slow: analysed at", timeout=30)
    before = store.revision
    (target.parent / "HANG").touch()
    button = dash_duo.find_element("#analyse-button")
    button.click()
    wait_until(lambda: processes_mentioning(str(target)), message="the probe to start")
    dash_duo.find_element("#cancel-button").click()
    wait_until(button.is_enabled, message="the job to stop")
    wait_until(lambda: not processes_mentioning(str(target)), message="the probe to die")
    assert store.revision == before and store.state("slow").error is None
