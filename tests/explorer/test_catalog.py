"""The catalog's questions about a set of node keys: how many callbacks, which worst severity."""

from __future__ import annotations

from snapshot_factory import callback, snapshot

from analysis.findings import Finding
from analysis.graph import build_graph, callback_node, property_node
from explorer.view.catalog import build_catalog


def catalog_of(findings=()):
    snap = snapshot(callback(0, inputs=["a.value"], outputs=["b.children"]),
                    callback(1, inputs=["b.children"], outputs=["c.children"]),
                    callback(2, internal=True, inputs=["c.children"], outputs=["d.children"]))
    return build_catalog(snap, build_graph(snap), tuple(findings))


def test_count_callbacks_counts_only_shown_callbacks():
    catalog = catalog_of()
    keys = [callback_node(0), callback_node(1), callback_node(2), property_node("a.value")]
    assert catalog.count_callbacks(keys) == 2
    assert catalog.count_callbacks(iter(keys)) == 2
    assert catalog.count_callbacks([]) == 0


def test_worst_severity_of_keys():
    catalog = catalog_of([Finding("X1", "x", "info", "m", callbacks=(0,)),
                          Finding("X2", "y", "error", "m", properties=("b.children",))])
    assert catalog.worst_severity([callback_node(0)]) == "info"
    assert catalog.worst_severity([callback_node(0), property_node("b.children")]) == "error"
    assert catalog.worst_severity([callback_node(1), property_node("a.value")]) is None
