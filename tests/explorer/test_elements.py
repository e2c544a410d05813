"""Elements: a project with a single page/module is never drawn as one group node."""

from __future__ import annotations

from analysis.probe.runner import snapshot_target
from explorer.services import SnapshotServices
from explorer.view.elements import build_elements, shown_groups
from explorer.view.filters import ViewSpec, visible_nodes
from paths import REPO

SHOP = REPO / "tests" / "targets" / "single_file" / "app.py"


def test_a_single_file_app_has_no_groups_to_show(demo_store):
    services = SnapshotServices(snapshot_target(str(SHOP)))
    assert services.catalog.groups == ("app",) and shown_groups(services.catalog) == ()
    nodes = visible_nodes(services.graph, services.catalog, services.findings, ViewSpec())
    grouped = build_elements(services.graph, services.catalog, nodes, "group")
    assert grouped == build_elements(services.graph, services.catalog, nodes, "none")
    demo = demo_store.services("demo").catalog
    assert shown_groups(demo) == demo.groups and len(demo.groups) > 1
