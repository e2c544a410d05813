"""A large app in the explorer (headless Chromium): the first view is aggregated, and clicking
a cluster on the canvas expands it into its callbacks and components."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.actions.action_builder import ActionBuilder

from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot, write_atomic
from benchmarks.generate_app import generate_app
from explorer.app import create_app
from explorer.projects import Project, ProjectStore

CALLBACKS = 600  # 60 chains of 10: above the aggregation threshold

#: Counts of what cytoscape draws, read from the instance it keeps on its div.
DRAWN = """
const root = document.getElementById("graph");
const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
if (!holder) { return null; }
const cy = holder._cyreg.cy;
return {aggregates: cy.nodes(".aggregate").length, callbacks: cy.nodes(".callback").length,
        components: cy.nodes(".component").length};
"""

#: Where a cluster node is in the viewport (CSS pixels), after centring the view on it.
NODE_SPOT = """
const root = document.getElementById("graph");
const holder = [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
const cy = holder._cyreg.cy;
const node = cy.nodes(".aggregate").filter((n) => n.data("label").startsWith(arguments[0]));
cy.zoom(1.2); cy.center(node);
const spot = node.renderedPosition(), box = holder.getBoundingClientRect();
return {x: box.left + spot.x, y: box.top + spot.y};
"""


@pytest.fixture(scope="module")
def large_snapshot(tmp_path_factory) -> Snapshot:
    app = tmp_path_factory.mktemp("large-app") / "large_app.py"
    write_atomic(app, generate_app(CALLBACKS))
    return snapshot_target(str(app), timeout=180)


def wait_for(dash_duo, condition, timeout: float = 30.0, message: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = dash_duo.driver.execute_script(DRAWN)
        if value and condition(value):
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {message}: {value}")


def test_first_view_is_aggregated_and_a_cluster_expands_on_click(dash_duo, large_snapshot,
                                                                 tmp_path):
    store = ProjectStore([Project("large", snapshot_file="large.json")], tmp_path / "results")
    store.preload("large", large_snapshot)
    dash_duo.start_server(create_app(store, cache_dir=tmp_path))

    first = wait_for(dash_duo, lambda d: d["aggregates"] > 0, message="the aggregated view")
    assert first == {"aggregates": CALLBACKS // 10, "callbacks": 0, "components": 0}
    assert "aggregated" in dash_duo.find_element("#graph-caption").text
    assert not dash_duo.find_element("#overview-reset").is_displayed()  # nothing open yet

    spot = dash_duo.driver.execute_script(NODE_SPOT, "chain7_step*")
    click = ActionBuilder(dash_duo.driver)  # a real click on the canvas, where the node is
    click.pointer_action.move_to_location(int(spot["x"]), int(spot["y"]))
    click.pointer_action.click()
    click.perform()

    opened = wait_for(dash_duo, lambda d: d["callbacks"] == 10, message="the cluster expanded")
    assert opened["aggregates"] == CALLBACKS // 10 - 1
    assert opened["components"] == 12  # the chain's filter, limit and ten outputs
    assert "chain7_step" in dash_duo.find_element("#details").text
    reset = dash_duo.find_element("#overview-reset")
    assert reset.is_displayed()  # shown now that a group is open
    dash_duo.driver.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", reset)
    closed = wait_for(dash_duo, lambda d: d["callbacks"] == 0, message="the groups closed")
    assert closed["aggregates"] == CALLBACKS // 10
    dash_duo.wait_for_style_to_equal("#overview-reset", "display", "none")
