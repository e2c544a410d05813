"""dash-cytoscape's extra bundle loads on demand: not on the first open, and then for the
layouts and the SVG export that need it, on the graph's own cytoscape instance."""

from __future__ import annotations

from pathlib import Path

from test_explorer import demo_app, demo_snapshot, idle_threads_end_first, start, wait_until  # noqa: F401

#: The page's script and resource URLs naming dash-cytoscape's extra bundle.
EXTRA_LOADED = """
return performance.getEntriesByType("resource").map((e) => e.name)
    .concat([...document.scripts].map((s) => s.src))
    .filter((name) => name.includes("dash_cytoscape_extra"));
"""

#: The graph's cytoscape instance: a marker on it, and each node's position.
CY = """
const root = document.getElementById("graph");
const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
const cy = holder && holder._cyreg.cy;
"""
MARK = CY + "cy.scratch('test-marker', 'first'); return true;"
STATE = CY + """
const positions = {};
cy.nodes().forEach((n) => { positions[n.id()] = [Math.round(n.position("x")),
                                                  Math.round(n.position("y"))]; });
return {marker: cy.scratch("test-marker") || null, positions: positions};
"""


def severe_errors(dash_duo) -> list[str]:
    return [entry["message"] for entry in dash_duo.get_logs() or []
            if entry["level"] == "SEVERE" and "favicon" not in entry["message"]]


def test_the_first_open_does_without_the_extra_bundle(dash_duo, demo_app):
    app, _ = demo_app
    start(dash_duo, app)
    assert dash_duo.driver.execute_script(EXTRA_LOADED) == []
    assert severe_errors(dash_duo) == []


def test_klay_and_cose_bilkent_chosen_later_lay_out_the_same_instance(dash_duo, demo_app):
    app, _ = demo_app
    start(dash_duo, app)
    dash_duo.driver.execute_script(MARK)
    served = dash_duo.driver.execute_script(STATE)["positions"]
    for name in ("klay", "cose-bilkent"):
        before = dash_duo.driver.execute_script(STATE)["positions"]
        dash_duo.select_dcc_dropdown("#layout-select", value=name)

        def laid_out():
            state = dash_duo.driver.execute_script(STATE)
            moved = sum(state["positions"].get(key) != xy for key, xy in before.items())
            return state if moved > len(before) // 2 else None

        state = wait_until(laid_out, message=f"the {name} layout")
        # the component was not swapped for the extra bundle's: same instance, same nodes
        assert state["marker"] == "first" and state["positions"].keys() == served.keys()
    assert dash_duo.driver.execute_script(EXTRA_LOADED)
    dash_duo.select_dcc_dropdown("#layout-select", value="dagre")
    wait_until(lambda: dash_duo.driver.execute_script(STATE)["positions"] == served,
               message="the hierarchical layout's server positions again")
    assert severe_errors(dash_duo) == []


def test_svg_exports_load_the_bundle_first_and_repeat(dash_duo, demo_app):
    app, _ = demo_app
    start(dash_duo, app)
    svg = Path(dash_duo.download_path) / "demo-callbacks.svg"
    for attempt in (1, 2):  # the same request twice: the second must reach the graph too
        dash_duo.find_element("#export-svg").click()
        wait_until(lambda: svg.exists() and "</svg>" in svg.read_text(errors="ignore"),
                   message=f"SVG download {attempt}")
        svg.unlink()  # Chromium writes a second download of the same name over the first
    assert dash_duo.driver.execute_script(EXTRA_LOADED)
    assert severe_errors(dash_duo) == []
