"""Projects in the browser: "Analyse again" as a background job, and a broken target."""

from __future__ import annotations

import time
from pathlib import Path

from explorer.app import create_app
from explorer.projects import Project, ProjectStore

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "targets" / "single_file" / "app.py"
BROKEN = ROOT / "tests" / "targets" / "faults" / "raises.py"


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
