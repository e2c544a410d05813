"""``python app.py APP --compare git:HEAD~1`` in its own process, on the two-commit fixture
repository of the CLI diff tests: the merged graph's classes, changes only, the findings
split, a changed callback's source diff, and the comparison kept by a reload."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from diff_repo import git, two_commits

from docs.screenshot import free_port, start_server, stop_server, wait_until_serving
from test_explorer import select_by_search, wait_until

#: Each callback's function -> its classes, and each edge as "source fn -> target label
#: (its component)" -> its classes, read from the cytoscape instance the page draws.
DRAWN = """
const root = document.getElementById("graph");
const holder = root && [root, ...root.querySelectorAll("div")].find((el) => el._cyreg);
if (!holder) { return null; }
const cy = holder._cyreg.cy;
const name = (n) => n.data("function") ||
    ((n.parent().length ? n.parent().data("label") + "." : "") + n.data("label"));
const nodes = {};
cy.nodes(".callback").forEach((n) => { nodes[n.data("function")] = n.classes().join(" "); });
const edges = {};
cy.edges().forEach((e) => {
    edges[name(e.source()) + " -> " + name(e.target())] = e.classes().join(" ");
});
return {nodes, edges};
"""


@pytest.fixture
def compared(tmp_path: Path):
    """The fixture repository's HEAD compared with HEAD~1, served on a free port: (the
    page's URL, the repository)."""
    repo = two_commits(tmp_path / "repo")
    port, log = free_port(), tmp_path / "server.log"
    command = (f"{shlex.quote(sys.executable)} app.py {shlex.quote(str(repo / 'app.py'))} "
               f"--compare git:HEAD~1 --port {{port}} "
               f"--cache-dir {shlex.quote(str(tmp_path / 'cache'))}")
    server = start_server(command, port, log)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until_serving(server, url, 240, log)
        yield url, repo
    finally:
        stop_server(server)


def test_the_compare_view_shows_both_versions_as_one_graph(dash_br, compared):
    url, repo = compared
    # the git:HEAD~1 checkout was removed once compared
    assert len(git(repo, "worktree", "list").splitlines()) == 1
    driver = dash_br.driver
    driver.set_window_size(1280, 800)
    dash_br.server_url = url
    dash_br.wait_for_contains_text("#graph-caption", "8 of 8 callbacks", timeout=60)
    drawn = wait_until(lambda: driver.execute_script(DRAWN), message="the graph")
    nodes, edges = drawn["nodes"], drawn["edges"]
    assert "diff-changed" in nodes["app.show"] and "diff-changed" in nodes["app.rewire"]
    assert "diff-changed" in nodes["app.second_total"]
    assert "diff-removed" in nodes["app.gone"]
    assert all("diff-added" in nodes[f] for f in ("app.added", "app.x_to_y", "app.y_to_x"))
    assert "diff-" not in nodes["app.first_total"]
    assert "diff-removed" in edges["app.rewire -> r1.children"]
    assert "diff-added" in edges["app.rewire -> r2.children"]
    assert "diff-" not in edges["in1.value -> app.rewire"]
    assert "changes:" in dash_br.find_element("#compare-legend").text

    # findings split: the loop is new, the duplicate Output fixed
    new = dash_br.find_element(".findings-new-list").text
    fixed = dash_br.find_element(".findings-fixed-list").text
    assert "DASH040" in new and "DASH001" not in new
    assert "DASH001" in fixed and "DASH040" not in fixed
    assert "New (" in dash_br.find_element("#findings-list").text

    # a source-only change: its diff in the details
    select_by_search(dash_br, "app.show", "Source diff")
    details = dash_br.find_element("#details").text
    assert "Compared: changed (source)" in details
    assert '-    return f"{v} clicks"' in details and '+    return f"clicked {v} times"' in details

    # changes only: the unchanged first_total (no data flows to or from a change) goes
    dash_br.find_element("#toggle-controls").click()
    wait_until(lambda: dash_br.find_element("#compare-controls").is_displayed(),
               message="the compare controls")
    dash_br.find_element("label[for='compare-changes-only']").click()
    dash_br.wait_for_contains_text("#graph-caption", "7 of 8 callbacks", timeout=30)
    assert "app.first_total" not in driver.execute_script(DRAWN)["nodes"]
    wait_until(lambda: "changes=True" in driver.current_url and "node=" in driver.current_url,
               message="the URL to keep changes-only and the selection")
    link = driver.current_url
    assert "compare=git:HEAD~1.." in unquote(link) and "project=" not in link

    # a reload (a shared link) shows the same comparison, filter and selection
    driver.get(link)
    dash_br.wait_for_contains_text("#graph-caption", "7 of 8 callbacks", timeout=60)
    dash_br.wait_for_contains_text("#details", "Source diff", timeout=30)
    assert driver.find_element("id", "compare-changes-only").is_selected()
    assert "diff-removed" in driver.execute_script(DRAWN)["nodes"]["app.gone"]
