"""Presentation mode and the view as text in Chromium at 1280×800: f opens it full viewport,
n n p lands on the second finding, centred, highlighted and legible, with a caption naming
it; Escape restores the view it found; the Mermaid export downloads and parses back."""

from __future__ import annotations

import os
import re
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from test_explorer import demo_app, demo_snapshot, idle_threads_end_first, start, wait_until  # noqa: F401
from test_legibility import LEGIBLE_PX, VIEW, settled

from explorer.view.present import finding_items

#: Where the presentation's screenshot goes to be looked at (default: the test's tmp_path).
SCREENSHOT_ENV = "DCE_PRESENTATION_SCREENSHOT"
STATE = "return [document.body.classList.contains('dce-presenting'), " \
        "document.getElementById('present-caption').innerText];"
NODE = """
const holder = [...document.querySelectorAll('.dce-canvas div')].find((el) => el._cyreg);
const cy = holder._cyreg.cy, node = cy.getElementById(arguments[0]);
const at = node.renderedPosition();
return {x: at.x / cy.width(), y: at.y / cy.height(), font: node.numericStyle('font-size') * cy.zoom(),
        highlighted: node.hasClass('dce-present')};
"""


def press(dash_duo, key: str) -> None:
    ActionChains(dash_duo.driver).send_keys(key).perform()


def test_presentation_steps_through_findings_and_escape_restores(dash_duo, demo_app, tmp_path):
    app, store = demo_app
    start(dash_duo, app)
    dash_duo.find_element("#toggle-controls").click()  # closed again: the page as it opens
    before = settled(dash_duo)
    items = finding_items(store.services("demo").findings)
    assert len(items) >= 3
    press(dash_duo, "f")
    wait_until(lambda: dash_duo.driver.execute_script(STATE)[0], message="presentation on")
    for key in "nnp":
        press(dash_duo, key)
    want = items[1]
    wait_until(lambda: want.title in dash_duo.driver.execute_script(STATE)[1],
               message=f"the caption of {want.title}")
    caption = dash_duo.driver.execute_script(STATE)[1]
    assert "2 / " in caption and want.message[:40] in caption
    node = wait_until(lambda: (lambda n: n if n["highlighted"] else None)(
        dash_duo.driver.execute_script(NODE, want.element)), message="the item highlighted")
    assert abs(node["x"] - 0.5) < 0.05 and abs(node["y"] - 0.5) < 0.05, node
    assert node["font"] >= LEGIBLE_PX * 1.3, node  # larger than the legible minimum
    dash_duo.driver.save_screenshot(os.environ.get(SCREENSHOT_ENV, str(tmp_path / "present.png")))
    press(dash_duo, "\ue00c")  # Escape
    wait_until(lambda: not dash_duo.driver.execute_script(STATE)[0], message="presentation off")
    after = dash_duo.driver.execute_script(VIEW, [])
    assert round(after["zoom"], 4) == round(before["zoom"], 4)
    assert abs(after["pan"]["x"] - before["pan"]["x"]) < 1 and \
        abs(after["pan"]["y"] - before["pan"]["y"]) < 1


def test_the_mermaid_export_downloads_and_parses(dash_duo, demo_app):
    app, _ = demo_app
    start(dash_duo, app)
    dash_duo.find_element('[id*="export-text"][id*="mermaid"]').click()
    text_file = Path(dash_duo.download_path) / "demo-view.mmd"
    text = wait_until(lambda: text_file.exists() and text_file.read_text(), message="download")
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    nodes = [line for line in lines[1:] if re.match(r'^  n\d+(\(\["|\[")', line)]
    edges = [line for line in lines[1:] if re.match(r"^  n\d+ \S.* n\d+$", line)]
    assert len(nodes) + len(edges) == len(lines) - 1 and len(nodes) > 10 and edges
