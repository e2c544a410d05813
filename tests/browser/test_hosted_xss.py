"""Hosted explorer in Chromium: ids, names and messages full of markup are shown as text."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from selenium.webdriver.common.by import By

from analysis.snapshot import AppInfo, Callback, Component, Dependency, Layout, Snapshot

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hosted_support import write_projects  # noqa: E402

SCRIPT_ID = "<script>window.__xss = 1</script>"
IMG_NAME = "<img src=x onerror=__xss=2>"  # no dot: it is a function name
BOLD_ID = "<b id=injected>bold</b>"


def hostile_snapshot() -> Snapshot:
    """A snapshot a hostile CI job could upload: markup wherever text goes."""
    callback = Callback(
        index=0, function=f"app.{IMG_NAME}", module="app", file="app.py", line=3,
        source=f"def f(value):\n    return '{SCRIPT_ID}'\n",
        outputs=(Dependency(SCRIPT_ID, "children"),), inputs=(Dependency(BOLD_ID, "value"),),
        output_key=f"{SCRIPT_ID}.children", app="app:app")
    return Snapshot(
        target="app.py", root="/srv", callbacks=(callback,),
        apps=(AppInfo(name="app:app", primary=True),),
        layouts=(Layout(name="app", app="app:app"),),
        components=(Component(SCRIPT_ID, "dash_html_components.Div", "app"),
                    Component(BOLD_ID, "dash_core_components.Input", "app")),
        component_types={"dash_html_components.Div": ("children", "id"),
                         "dash_core_components.Input": ("value", "id")})


def no_injection(dash_duo) -> None:
    driver = dash_duo.driver
    assert driver.execute_script("return window.__xss") is None
    assert driver.find_elements(By.ID, "injected") == []


def test_markup_in_ids_names_and_messages_is_rendered_as_text(dash_duo, tmp_path):
    from explorer.hosted.server import HostedSettings, build_hosted_app
    from explorer.hosted.history import SnapshotHistory

    settings = HostedSettings(config=write_projects(tmp_path), data_dir=tmp_path / "data")
    SnapshotHistory(settings.data_dir / "history").add("clean", hostile_snapshot(), "ci")
    dash_duo.start_server(build_hosted_app(settings))

    dash_duo.wait_for_contains_text("#graph-caption", "1 of 1 callbacks", timeout=30)
    dash_duo.find_element("#search-input").send_keys("script")
    dash_duo.wait_for_contains_text("#search-results", SCRIPT_ID, timeout=15)
    dash_duo.find_element("#search-results button").click()
    dash_duo.wait_for_contains_text("#details", SCRIPT_ID, timeout=15)
    no_injection(dash_duo)

    dash_duo.find_element("#search-input").clear()
    dash_duo.find_element("#search-input").send_keys("img")
    dash_duo.wait_for_contains_text("#search-results", IMG_NAME, timeout=15)
    dash_duo.find_element("#search-results button").click()
    dash_duo.wait_for_contains_text("#details", IMG_NAME, timeout=15)
    dash_duo.wait_for_contains_text("#details", BOLD_ID, timeout=15)
    no_injection(dash_duo)

    hostile_file = tmp_path / f"{IMG_NAME}.json"
    hostile_file.write_text('{"schema_version": 99}')
    dash_duo.find_element("#snapshot-upload input[type=file]").send_keys(str(hostile_file))
    dash_duo.wait_for_contains_text("#upload-status", f"{IMG_NAME}.json was refused", timeout=15)
    time.sleep(0.5)  # an onerror handler would have fired by now
    no_injection(dash_duo)


def test_the_page_works_under_its_content_security_policy(dash_duo, tmp_path):
    """The hosted page sends a CSP without 'unsafe-inline'/'unsafe-eval' for scripts: the
    graph, search, details and the summary chart (plotly.js) must still work, and the
    browser must report no violation."""
    from explorer.hosted.server import HostedSettings, build_hosted_app

    settings = HostedSettings(config=write_projects(tmp_path), data_dir=tmp_path / "data")
    dash_duo.start_server(build_hosted_app(settings))
    dash_duo.wait_for_contains_text("#graph-caption", "callbacks", timeout=30)
    dash_duo.find_element("#search-input").send_keys("a")
    dash_duo.wait_for_element("#search-results button", timeout=15).click()
    dash_duo.wait_for_element("#details pre, #details table, #details h5", timeout=15)
    dash_duo.wait_for_element("#summary-chart-slot .js-plotly-plot", timeout=30)
    violations = [entry["message"] for entry in dash_duo.driver.get_log("browser")
                  if "Content Security Policy" in entry["message"]
                  or "Content-Security-Policy" in entry["message"]]
    assert violations == []
