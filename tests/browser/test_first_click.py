"""The first click selects the node under the pointer, also after the status line or an error
alert appeared: they never move the canvas after cytoscape measured where it is."""

from __future__ import annotations

import time
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder

from explorer.app import create_app
from explorer.projects import Project, ProjectStore
from test_explorer import wait_until

#: A chain of three callbacks that fails to import once a BREAK file sits next to it.
BREAKS_WHEN_FLAGGED = '''
import os

from dash import Dash, Input, Output, dcc, html

if os.path.exists(os.path.join(os.path.dirname(__file__), "BREAK")):
    raise RuntimeError("broken on purpose")
app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="a"), html.Div(id="b"), html.Div(id="c"), html.Div(id="d")])


@app.callback(Output("b", "children"), Input("a", "value"))
def first_step(value):
    return value


@app.callback(Output("c", "children"), Input("b", "children"))
def second_step(value):
    return value


@app.callback(Output("d", "children"), Input("c", "children"))
def third_step(value):
    return value
'''

#: Where a callback node is on the page now (CSS px), read from cytoscape and the DOM.
NODE_SPOT = """
const root = document.getElementById("graph");
const holder = [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
const cy = holder._cyreg.cy;
const node = cy.nodes(".callback").filter((n) => n.data("label").startsWith(arguments[0]));
const spot = node.renderedPosition(), box = holder.getBoundingClientRect();
return {x: box.left + spot.x, y: box.top + spot.y};
"""


def click_at(driver, spot: dict) -> None:
    """A real click at a point of the page (CSS px), as a user's pointer would."""
    click = ActionBuilder(driver)
    click.pointer_action.move_to_location(int(spot["x"]), int(spot["y"]))
    click.pointer_action.click()
    click.perform()


def open_flaky_app(dash_duo, tmp_path) -> Path:
    """The explorer on the three-callback app, its graph drawn; returns the app's folder."""
    target = tmp_path / "flaky_app" / "app.py"
    target.parent.mkdir()
    target.write_text(BREAKS_WHEN_FLAGGED)
    store = ProjectStore([Project("flaky", target=str(target))], tmp_path / "results")
    dash_duo.driver.set_window_size(1280, 800)
    dash_duo.start_server(create_app(store, cache_dir=tmp_path / "cache"))
    dash_duo.wait_for_contains_text("#status", "flaky: analysed at", timeout=30)
    wait_until(lambda: dash_duo.driver.execute_script(
        "return window.cy && window.cy.nodes('.callback').length;") == 3,
        timeout=60, message="the graph")
    return target.parent


def test_the_first_click_after_the_status_line_appeared_selects_the_node_under_it(
        dash_duo, tmp_path):
    open_flaky_app(dash_duo, tmp_path)
    time.sleep(1)  # the viewport has settled
    click_at(dash_duo.driver, dash_duo.driver.execute_script(NODE_SPOT, "second_step"))
    dash_duo.wait_for_contains_text("#details", "second_step", timeout=10)


def test_a_click_after_the_error_alert_appeared_selects_the_node_under_it(dash_duo, tmp_path):
    folder = open_flaky_app(dash_duo, tmp_path)
    # The pointer over the canvas: cytoscape measures (and keeps) where its container is.
    ActionChains(dash_duo.driver).move_to_element(
        dash_duo.find_element("#graph")).perform()
    (folder / "BREAK").touch()
    dash_duo.find_element("#analyse-button").click()
    dash_duo.wait_for_contains_text("#status", "Analysis of flaky failed", timeout=60)
    time.sleep(0.5)
    # first_step sits at the top left, away from the alert floating at the bottom right
    click_at(dash_duo.driver, dash_duo.driver.execute_script(NODE_SPOT, "first_step"))
    dash_duo.wait_for_contains_text("#details", "first_step", timeout=10)
