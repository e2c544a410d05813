"""The compare view's plain functions: the merged graph's elements and their change, the
changes-only filter, findings split new/fixed/unchanged, a changed callback's source diff,
the review export and the comparison in the URL."""

from __future__ import annotations

import json

import plotly
import pytest
from snapshot_factory import callback, diff_side

from analysis.diff.compare import compare
from analysis.diff.render import markdown
from analysis.errors import ConfigError
from analysis.graph import callback_node
from explorer.callbacks.panels import findings_panel, selection_details
from explorer.callbacks.url import restored_controls, shared_view
from explorer.comparisons import ComparedServices, comparison_project
from explorer.panels.compare import review_download
from explorer.projects import ProjectStore
from explorer.serve import build_store, parse_args
from explorer.view.compare import mark_changes, merge, source_diff
from explorer.view.filters import ViewSpec
from explorer.view.stylesheet import BASE
from explorer.view.urlstate import decode

BASE_SOURCE = "def show(v):\n    return f'{v} clicks'\n"
HEAD_SOURCE = "def show(v):\n    return f'clicked {v} times <b>'\n"


def versions():
    """BASE and HEAD of a small project: a source-only change, a rewired Output, a callback
    removed (with a duplicate Output: DASH001 fixed), one added, a loop added (DASH040 new),
    one unchanged reading what the rewired one wrote."""
    base = diff_side(
        callback(0, ["btn.value"], ["out.children"], function="app.show", source=BASE_SOURCE),
        callback(1, ["in1.value"], ["r1.children"], function="app.rewire"),
        callback(2, ["in2.value"], ["total.children"], function="app.gone"),
        callback(3, ["a.value"], ["total.children"], function="app.first_total"),
        callback(4, ["r1.children"], ["far.children"], function="app.reader"),
        callback(5, ["p.value"], ["q.children"], function="app.elsewhere"),
        label="git:HEAD~1")
    head = diff_side(
        callback(0, ["btn.value"], ["out.children"], function="app.show", source=HEAD_SOURCE),
        callback(1, ["in1.value"], ["r2.children"], function="app.rewire"),
        callback(2, ["a.value"], ["total.children"], function="app.first_total"),
        callback(3, ["r1.children"], ["far.children"], function="app.reader"),
        callback(4, ["in3.value"], ["n.children"], function="app.added"),
        callback(5, ["x.value"], ["y.value"], function="app.x_to_y"),
        callback(6, ["y.value"], ["x.value"], function="app.y_to_x"),
        callback(7, ["p.value"], ["q.children"], function="app.elsewhere"),
        label="app.py")
    return base, head


@pytest.fixture(scope="module")
def services() -> ComparedServices:
    return ComparedServices(merge(compare(*versions())))


def by_function(services: ComparedServices, elements) -> dict[str, dict]:
    return {services.catalog.callbacks[e["data"]["key"]].function: e for e in elements
            if e["data"].get("key") in services.catalog.callbacks}


def edges(elements) -> dict[tuple[str, str, str], dict]:
    return {(e["data"]["source"], e["data"]["target"], e["data"]["kind"]): e for e in elements
            if "source" in e["data"]}


def text_of(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder)


def test_the_merged_graph_marks_each_callback_with_its_change(services):
    nodes = by_function(services, services.elements(ViewSpec()))
    change = {name: (node["data"]["change"], node["classes"].split()[-1])
              for name, node in nodes.items()}
    assert change["app.show"] == ("changed", "diff-changed")
    assert change["app.rewire"] == ("changed", "diff-changed")
    assert change["app.added"] == ("added", "diff-added")
    assert change["app.x_to_y"][0] == change["app.y_to_x"][0] == "added"
    assert change["app.gone"] == ("removed", "diff-removed")
    assert change["app.first_total"][0] == change["app.reader"][0] == "unchanged"
    assert "diff-" not in nodes["app.reader"]["classes"]
    # the removed callback is BASE's, under an index HEAD does not use
    gone = services.catalog.callbacks[nodes["app.gone"]["data"]["key"]]
    assert gone.index == 8 and gone.function == "app.gone"


def test_edges_lost_and_gained_are_drawn_removed_and_added(services):
    elements = services.elements(ViewSpec())
    nodes = {e["data"]["key"]: e["data"]["id"] for e in elements if "key" in e["data"]}
    drawn = edges(elements)
    rewire = nodes[callback_node(1)]

    def edge(source: str, target: str, kind: str) -> dict:
        return drawn[(nodes.get(source, source), nodes.get(target, target), kind)]
    lost = edge(callback_node(1), "prop:r1.children", "output")
    gained = edge(callback_node(1), "prop:r2.children", "output")
    assert (lost["data"]["change"], gained["data"]["change"]) == ("removed", "added")
    assert "diff-removed" in lost["classes"] and "diff-added" in gained["classes"]
    kept = edge("prop:in1.value", rewire, "input")
    assert kept["data"]["change"] == "unchanged" and "diff-" not in kept["classes"]
    assert edge("prop:in2.value", nodes[callback_node(8)], "input")["data"]["change"] == "removed"
    assert edge("prop:in3.value", nodes[callback_node(4)], "input")["data"]["change"] == "added"


def test_marking_leaves_the_memoised_elements_as_they_were(services):
    plain = tuple(super(ComparedServices, services)._elements(ViewSpec()))
    before = json.dumps(plain)
    mark_changes(plain, services.comparison)
    assert json.dumps(plain) == before and "change" not in before


def test_the_stylesheet_draws_each_change():
    selectors = {rule["selector"]: rule["style"] for rule in BASE}
    assert selectors["edge.diff-removed"]["line-style"] == "dashed"
    assert selectors["node.diff-removed"]["opacity"] < 1
    assert {"node.diff-added", "node.diff-changed", "edge.diff-added"} <= set(selectors)


def test_changes_only_keeps_the_changes_and_their_neighbours(services):
    everything = by_function(services, services.elements(ViewSpec()))
    changes = by_function(services, services.elements(ViewSpec(changes=True)))
    assert "app.elsewhere" in everything and "app.elsewhere" not in changes
    # reader reads r1.children, which the rewired callback wrote: one property downstream;
    # first_total only writes what the removed one wrote (no data flows between them)
    assert set(changes) == {"app.show", "app.rewire", "app.gone", "app.added", "app.x_to_y",
                            "app.y_to_x", "app.reader"}


def test_findings_are_split_new_fixed_and_unchanged(services):
    comparison = services.comparison
    statuses = dict(zip((f.code for f in comparison.findings), comparison.finding_status))
    assert statuses == {"DASH040": "new", "DASH001": "fixed"}
    fixed = comparison.findings[comparison.finding_status.index("fixed")]
    # BASE's callbacks renumbered to the merged graph's: the removed one and first_total
    assert sorted(fixed.callbacks) == [2, 8]
    listed, count = findings_panel(services, None, None, None)
    text = text_of(listed)
    assert count == "Findings (2)"
    assert text.index("New (1)") < text.index("DASH040") < text.index("Fixed (1)") \
        < text.index("DASH001") < text.index("Unchanged (0)")


def test_a_changed_callbacks_details_show_its_source_diff_and_wiring(services):
    show = text_of(selection_details(services, {"nodes": [callback_node(0)]}))
    assert "Compared: changed (source)" in show and "Source diff" in show
    assert "-    return f'{v} clicks'" in show and "+    return f'clicked {v} times <b>'" in show
    rewire = text_of(selection_details(services, {"nodes": [callback_node(1)]}))
    assert "+ output r2.children" in rewire and "\\u2212 output r1.children" in rewire
    unchanged = text_of(selection_details(services, {"nodes": [callback_node(3)]}))
    assert "Compared:" not in unchanged


def test_the_source_diff_is_a_unified_diff_naming_both_versions(services):
    text = source_diff(services.comparison.changes[callback_node(0)], "git:HEAD~1", "app.py")
    lines = text.splitlines()
    assert lines[0] == "--- git:HEAD~1 app.py:1" and lines[1] == "+++ app.py app.py:1"
    assert lines[2].startswith("@@")


def test_the_review_export_is_the_diffs_markdown(services):
    file = review_download(services.comparison)
    assert file.content == markdown(services.comparison.diff)
    assert file.content.startswith("## Dash callback diff") and file.filename == "review.md"


def test_the_comparison_lives_in_the_url(services, tmp_path):
    key = services.comparison.key
    project = comparison_project("git:HEAD~1", "app.py", [], None, 60.0)
    assert project.name == key == "git:HEAD~1..app.py"
    store = ProjectStore([project], tmp_path)
    store.show(key, services)
    view = shared_view(store, key, "", {"changes": True}, None)
    assert view.compare == key and view.project is None and view.changes
    link = "?compare=git%3AHEAD~1..app.py&changes=True"
    restored, _, controls, _ = restored_controls(store, link)
    assert restored == key and controls["changes"] is True
    assert decode("?changes=yes").changes is False


def test_compare_needs_a_head_or_a_target_and_two_sides_at_most():
    with pytest.raises(ConfigError, match="compares with a TARGET"):
        comparison_project("git:main", None, [], None, 60.0)
    assert comparison_project("git:main", None, ["app.py"], None, 60.0).target == "app.py"
    with pytest.raises(ConfigError, match="at most one HEAD"):
        build_store(parse_args(["--compare", "a.json", "b.json", "c.json"]))
    with pytest.raises(ConfigError, match="drop --watch"):
        build_store(parse_args(["app.py", "--compare", "git:main", "--watch"]))


def test_only_heads_findings_colour_the_graph(services):
    nodes = by_function(services, services.elements(ViewSpec()))
    assert "error" in nodes["app.x_to_y"]["classes"].split()  # the new loop
    # DASH001 on first_total and the removed callback is fixed: listed, but drawn plain
    assert "error" not in nodes["app.first_total"]["classes"].split()
    assert services.catalog.finding_nodes[1] >= {callback_node(2), callback_node(8)}
