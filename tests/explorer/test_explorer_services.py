"""The explorer's pure services on a real snapshot of the demo (probed once per session)."""

from __future__ import annotations

import json
from pathlib import Path

import plotly
import pytest

from analysis.graph import callback_node
from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from explorer.view.nodes import component_node, element_id
from explorer.panels.details import details_panel
from explorer.panels.exports import report_download, snapshot_download
from explorer.services import SnapshotServices
from explorer.panels.summary import findings_by_rule_figure, summary_counts
from explorer.view.stylesheet import SEVERITY_COLOURS
from explorer.view.urlstate import UrlView, decode, encode
from explorer.view.filters import ViewSpec, default_collapse
from paths import REPO

DEMO = REPO / "examples" / "demo" / "app.py"


@pytest.fixture(scope="session")
def demo() -> SnapshotServices:
    return SnapshotServices(snapshot_target(str(DEMO)))


def callback_key(services: SnapshotServices, name: str) -> str:
    return next(k for k, cb in services.catalog.callbacks.items() if cb.name == name)


def nodes_of(elements) -> dict[str, dict]:
    return {e["data"]["key"]: e for e in elements if "source" not in e["data"]}


def text_of(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder)


def test_elements_nest_properties_in_components_and_class_callbacks_by_kind(demo):
    elements = demo.elements(ViewSpec())
    nodes = nodes_of(elements)
    for key, cb in demo.catalog.callbacks.items():
        assert nodes[key]["data"]["label"] == cb.name
    kinds = {nodes[k]["classes"].split()[1] for k in demo.catalog.callbacks}
    assert {"server", "clientside", "background"} <= kinds
    prop = next(k for k in nodes if k.startswith("prop:"))
    parent = nodes[prop]["data"]["parent"]
    assert parent == element_id(component_node(demo.catalog.component_of[prop]))
    ids = {e["data"]["id"] for e in elements}
    edges = [e for e in elements if "source" in e["data"]]
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert {"input", "state", "output"} <= {e["data"]["kind"] for e in edges}


def test_findings_colour_their_callbacks_and_edges_by_severity(demo):
    duplicate = next(f for f in demo.findings if f.code == "DASH001")
    nodes = nodes_of(demo.elements(ViewSpec()))
    for index in duplicate.callbacks:
        assert "error" in nodes[callback_node(index)]["classes"].split()
    coloured = [e for e in demo.elements(ViewSpec())
                if "source" in e["data"] and "error" in e["classes"].split()]
    assert coloured


def test_filters_keep_only_matching_callbacks(demo):
    orders = demo.visible(ViewSpec(groups=("pages.orders",)))
    assert {demo.catalog.group_of[k] for k in orders if k.startswith("cb:")} == {"pages.orders"}
    background = demo.visible(ViewSpec(kinds=("background",)))
    assert [demo.catalog.callbacks[k].name for k in background if k.startswith("cb:")] == [
        "build_report"]
    errors = demo.visible(ViewSpec(severities=("error",)))
    flagged = {callback_node(i) for f in demo.findings if f.severity == "error"
               for i in f.callbacks}
    assert {k for k in errors if k.startswith("cb:")} == flagged
    by_rule = demo.visible(ViewSpec(rules=("DASH040",)))
    assert {demo.catalog.callbacks[k].name for k in by_rule if k.startswith("cb:")} == {
        "net_to_gross", "gross_to_net"}


def test_focus_follows_the_graph_k_hops(demo):
    start = callback_key(demo, "filter_orders")
    one = demo.visible(ViewSpec(focus=(start,), direction="downstream", depth=1))
    assert one == {start} | set(demo.graph.successors(start))
    up = demo.visible(ViewSpec(focus=(start,), direction="upstream", depth=1))
    assert up == {start} | set(demo.graph.predecessors(start))
    wider = demo.visible(ViewSpec(focus=(start,), direction="both", depth=3))
    assert one | up <= wider
    off = demo.visible(ViewSpec(focus=(start,), direction="off", depth=3))
    assert off == demo.visible(ViewSpec())


def test_collapse_by_component_and_by_group(demo):
    components = demo.elements(ViewSpec(collapse="component"))
    assert not [e for e in components if "property" in e.get("classes", "").split()]
    node_ids = {e["data"]["id"] for e in components if "source" not in e["data"]}
    assert all(e["data"]["source"] in node_ids and e["data"]["target"] in node_ids
               for e in components if "source" in e["data"])
    groups = demo.elements(ViewSpec(collapse="group"))
    labels = [e["data"]["label"] for e in groups if "source" not in e["data"]]
    assert any(label.startswith("pages.orders") for label in labels)
    assert len(labels) < len(demo.catalog.callbacks)


def test_search_finds_functions_files_components_and_properties(demo):
    assert demo.search("filter_orders")[0].key == callback_key(demo, "filter_orders")
    in_file = {hit.label for hit in demo.search("pages/orders.py")}
    assert {"filter_orders", "ship_pending", "reset_filters"} <= in_file
    assert demo.search("orders-table")[0].key == component_node("orders-table")
    hits = demo.search("orders-table children")
    assert any(hit.key == "prop:orders-table.children" for hit in hits)
    assert demo.search("no-such-thing-anywhere") == ()


def test_views_are_memoised_per_snapshot(demo):
    spec = ViewSpec(severities=("error",))
    assert demo.elements(spec) is demo.elements(ViewSpec(severities=("error",)))
    other = SnapshotServices(demo.snapshot, demo.findings)
    assert other.elements(spec) is not demo.elements(spec)
    assert other.elements(spec) == demo.elements(spec)


def test_details_show_source_location_findings_and_rationale(demo):
    duplicate = next(f for f in demo.findings if f.code == "DASH001")
    cb = demo.catalog.callbacks[callback_node(duplicate.callbacks[0])]
    text = text_of(details_panel(demo, callback_node(cb.index)))
    assert cb.location in text and "DASH001" in text and "def " in text
    assert "Why is this bad?" in text
    component = text_of(details_panel(demo, component_node("orders-table")))
    assert "Written by" in component and "filter_orders" in component


def test_summary_counts_and_chart(demo):
    counts = summary_counts(demo)
    assert counts["callbacks"] == len(demo.catalog.callbacks)
    by_severity = counts["error"] + counts["warning"] + counts["info"]
    assert counts["findings"] == len(demo.findings) == by_severity
    figure = findings_by_rule_figure(demo)
    bars = {label for trace in figure.data for label in trace.y}
    assert {f"{f.code} {f.name}" for f in demo.findings} == bars
    assert all(trace.marker.color == SEVERITY_COLOURS[trace.name] for trace in figure.data)


def test_exports_are_valid(demo):
    assert Snapshot.from_json(snapshot_download(demo, "demo").content) == demo.snapshot
    sarif = json.loads(report_download(demo, "demo", "sarif").content)
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == len(demo.findings)
    markdown = report_download(demo, "demo", "markdown").content
    for finding in demo.findings:
        assert finding.code in markdown


def test_url_state_round_trips_and_survives_garbage():
    view = UrlView(project="demo", search="orders", severities=("error", "warning"),
                   rules=("DASH001",), kinds=("async",), collapse="component", layout="cose",
                   direction="both", depth=3, selected=('prop:{"a":1}.value',), finding=2)
    assert decode(encode(view)) == view
    assert decode("") == UrlView()
    junk = decode("?depth=lots&focus=sideways&layout=<script>&collapse=x&finding=-4")
    assert (junk.depth, junk.direction, junk.layout, junk.collapse) == (1, "off", "dagre", None)
    assert junk.finding == 0


def test_a_large_project_opens_as_the_overview(large_paged):
    services = large_paged
    assert default_collapse(len(services.catalog.callbacks)) == "overview"
    grouped = services.elements(ViewSpec(collapse="group"))
    assert len([e for e in grouped if "source" not in e["data"]]) == 5
    assert default_collapse(20) == "none"
