"""Large-graph views: clusters, the aggregated first view, expansion and server-side positions,
on a real probe of a generated 600-callback app (once per session) and on hand-made snapshots."""

from __future__ import annotations

import pytest

from analysis.graph import callback_node
from analysis.probe.runner import snapshot_target
from analysis.snapshot import write_atomic
from benchmarks.generate_app import generate_app
from explorer.view.aggregate import (
    AGGREGATE_ABOVE, DETAIL_LIMIT, HUB_USERS, build_clusters, needs_overview, overview_elements,
)
from explorer.view.nodes import group_node
from explorer.view.layering import Box, layered_positions
from explorer.services import SnapshotServices
from explorer.view.filters import ViewSpec, default_collapse
from tests.snapshot_factory import callback, snapshot

LARGE = 600  # above AGGREGATE_ABOVE: 60 chains of 10


@pytest.fixture(scope="session")
def large(tmp_path_factory) -> SnapshotServices:
    app = tmp_path_factory.mktemp("large") / "large_app.py"
    write_atomic(app, generate_app(LARGE))
    return SnapshotServices(snapshot_target(str(app), timeout=180))


def drawn(elements) -> dict[str, dict]:
    return {e["data"]["key"]: e for e in elements if "source" not in e["data"]}


def edges(elements) -> list[dict]:
    return [e for e in elements if "source" in e["data"]]


def test_each_chain_is_one_cluster_named_after_its_functions(large):
    assert LARGE > AGGREGATE_ABOVE
    clusters = build_clusters(large.graph, large.catalog)
    assert len(clusters.members) == LARGE // 10
    chain3 = clusters.cluster_of[next(k for k, cb in large.catalog.callbacks.items()
                                      if cb.name.endswith("chain3_step4"))]
    assert clusters.label[chain3].startswith("chain3_step*")
    callbacks = [k for k in clusters.members[chain3] if k in large.catalog.callbacks]
    assert len(callbacks) == 10
    assert every_node_in_one_cluster(large, clusters)


def every_node_in_one_cluster(services: SnapshotServices, clusters) -> bool:
    keys = set(services.catalog.callbacks) | set(services.catalog.component_of)
    listed = [k for members in clusters.members.values() for k in members]
    return sorted(listed) == sorted(keys)


def test_first_view_of_a_large_app_is_aggregated_with_positions(large):
    nodes = large.visible(ViewSpec())
    assert needs_overview(large.catalog, nodes)
    elements = large.overview(ViewSpec(), ())
    shown = drawn(elements)
    assert len(shown) == LARGE // 10  # one module: its clusters, no detail
    assert all(e["data"]["expandable"] and "cluster" in e["classes"] for e in shown.values())
    assert sum(e["data"]["callbacks"] for e in shown.values()) == LARGE
    assert all("position" in e for e in shown.values())
    spots = {(e["position"]["x"], e["position"]["y"]) for e in shown.values()}
    assert len(spots) == len(shown)  # nothing drawn on top of another


def test_expanding_a_cluster_draws_its_callbacks_and_components(large):
    first = large.overview(ViewSpec(), ())
    cluster = sorted(k for k in drawn(first))[0]
    expanded = drawn(large.overview(ViewSpec(), (cluster,)))
    inside = large.clusters.members[cluster]
    callbacks = [k for k in inside if k in large.catalog.callbacks]
    assert cluster not in expanded
    assert all(k in expanded for k in inside)
    assert len(expanded) == LARGE // 10 - 1 + len(inside) + len(
        {large.catalog.component_of[k] for k in inside if k in large.catalog.component_of})
    assert all("position" in expanded[k] for k in callbacks)
    step = {large.catalog.callbacks[k].name.rsplit("_", 1)[1]: expanded[k]["position"]["x"]
            for k in callbacks}
    assert step["step0"] < step["step1"] < step["step9"]  # the chain flows left to right


def test_selection_inside_a_cluster_opens_it(large):
    key = next(k for k, cb in large.catalog.callbacks.items() if cb.name.endswith("chain7_step2"))
    opened = large.opening((key,))
    assert large.clusters.cluster_of[key] in opened
    shown = drawn(large.overview(ViewSpec(), tuple(sorted(opened))))
    assert key in shown
    assert large.clusters.cluster_of[key] not in shown


def test_focus_views_show_the_neighbourhood_in_detail(large):
    key = next(k for k, cb in large.catalog.callbacks.items() if cb.name.endswith("chain5_step5"))
    spec = ViewSpec(focus=(key,), direction="both", depth=2)
    nodes = large.visible(spec)
    assert not needs_overview(large.catalog, nodes)
    view = large.graph_view(spec, (), "dagre")
    assert not view.aggregated
    assert key in drawn(view.elements)


def test_large_projects_open_as_the_overview_and_small_views_in_detail(large):
    assert default_collapse(len(large.catalog.callbacks)) == "overview"
    first = large.graph_view(ViewSpec(collapse="overview"), (), "dagre")
    assert first.aggregated and first.positioned and first.callbacks == LARGE
    everything = large.graph_view(ViewSpec(collapse="none"), (), "dagre")
    assert not everything.aggregated and everything.positioned  # server-side layered layout
    assert len(drawn(everything.elements)) > LARGE
    chain = large.graph_view(ViewSpec(collapse="overview", groups=()), (), "cose")
    assert chain.elements is first.elements  # the same memoised overview, whatever the layout


def test_overview_and_its_expansions_are_memoised_per_snapshot(large):
    assert large.overview(ViewSpec(), ()) is large.overview(ViewSpec(), ())
    assert large.clusters is large.clusters
    cluster = sorted(large.clusters.members)[1]
    assert large.overview(ViewSpec(), (cluster,)) is large.overview(ViewSpec(), (cluster,))


def test_several_modules_start_as_module_nodes_and_open_into_clusters():
    callbacks = []
    for module in ("pages.a", "pages.b"):
        for chain in range(8):
            for step in range(10):
                index = len(callbacks)
                source = f"{module}-{chain}-{step - 1}.children" if step else f"{module}-{chain}.value"
                callbacks.append(callback(index, inputs=[source],
                                          outputs=[f"{module}-{chain}-{step}.children"],
                                          module=module, function=f"{module}.c{chain}_s{step}"))
    callbacks.append(callback(len(callbacks), inputs=["pages.a-0-9.children"],
                              outputs=["pages.b-0.value"], module="pages.a",
                              function="pages.a.bridge"))
    services = SnapshotServices(snapshot(*callbacks))
    shown = drawn(services.overview(ViewSpec(), ()))
    assert set(shown) == {group_node("pages.a"), group_node("pages.b")}
    flows = edges(services.overview(ViewSpec(), ()))
    assert [(e["data"]["source"], e["data"]["target"]) for e in flows] == [
        (shown[group_node("pages.a")]["data"]["id"], shown[group_node("pages.b")]["data"]["id"])]
    opened = drawn(services.overview(ViewSpec(), (group_node("pages.b"),)))
    assert group_node("pages.a") in opened
    assert sum(1 for k in opened if k.startswith("cluster:pages.b")) == 8  # one per chain
    assert 160 // 2 > DETAIL_LIMIT


def test_a_hub_property_does_not_glue_clusters_together():
    readers = [callback(i, inputs=["session.data", f"in{i}.value"], outputs=[f"out{i}.children"])
               for i in range(HUB_USERS + 5)]
    writer = callback(len(readers), inputs=["login.n_clicks"], outputs=["session.data"])
    services = SnapshotServices(snapshot(*readers, writer))
    clusters = build_clusters(services.graph, services.catalog)
    assert len(clusters.members) == len(readers) + 1
    assert clusters.cluster_of["prop:session.data"] == clusters.cluster_of[callback_node(writer.index)]


def test_layers_follow_edges_and_cycles_share_a_layer():
    boxes = [Box(k, 30, 20) for k in "abcdxy"]
    pos = layered_positions(boxes, [("a", "b"), ("b", "c"), ("c", "b"), ("c", "d"), ("x", "y")])
    assert pos["a"][0] < pos["b"][0] == pos["c"][0] < pos["d"][0]
    assert pos["b"][1] != pos["c"][1]
    assert pos["x"][0] < pos["y"][0]
    assert len(set(pos.values())) == len(boxes)
