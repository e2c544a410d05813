"""The compare view in hosted mode: two entries of a project's history, offered in the
picker as "compare with…", compared from their stored snapshots."""

from __future__ import annotations

from snapshot_factory import callback, snapshot

from analysis.graph import callback_node
from explorer.callbacks.url import restored_controls, shared_view
from explorer.comparisons import comparison_of
from explorer.hosted.history import SnapshotHistory
from explorer.hosted.projects import HostedProjectStore
from explorer.projects import Project
from explorer.view.filters import ViewSpec

BEFORE = snapshot(callback(0, ["a.value"], ["b.value"], function="app.f"))
AFTER = snapshot(callback(0, ["a.value"], ["b.value"], function="app.f"),
                 callback(1, ["b.value"], ["a.value"], function="app.g"))


def store_of(tmp_path) -> tuple[HostedProjectStore, list]:
    history = SnapshotHistory(tmp_path / "history")
    entries = [history.add("shop", BEFORE, "ci"), history.add("shop", AFTER, "upload")]
    store = HostedProjectStore([Project("shop", snapshot_file=str(tmp_path / "none.json"))],
                               history, tmp_path / "results")
    return store, entries


def test_the_picker_offers_the_newest_snapshot_compared_with_older_ones(tmp_path):
    store, (old, new) = store_of(tmp_path)
    value = f"shop@{old.id}..{new.id}"
    assert (value, f"shop · compare with {old.when} (ci)") in store.choices()
    assert store.known(value) and not store.known(f"shop@{old.id}..0000000000000000000-ci-"
                                                  "0000000000000000")


def test_two_history_entries_are_compared_as_one_graph(tmp_path):
    store, (old, new) = store_of(tmp_path)
    services = store.services(f"shop@{old.id}..{new.id}")
    comparison = comparison_of(services)
    assert comparison is not None
    assert comparison.status(callback_node(1)) == "added"
    assert comparison.status(callback_node(0)) == "unchanged"
    assert [(f.code, s) for f, s in zip(comparison.findings, comparison.finding_status)] \
        == [("DASH040", "new")]
    assert comparison.diff.base.label == f"shop {old.when} (ci)"
    drawn = {e["data"].get("function"): e["data"].get("change")
             for e in services.elements(ViewSpec())}
    assert drawn["app.g"] == "added"
    # a link keeps it as ?compare=
    view = shared_view(store, f"shop@{old.id}..{new.id}", "", {}, None)
    assert view.compare == f"shop@{old.id}..{new.id}" and view.project is None
    assert restored_controls(store, f"?compare=shop%40{old.id}..{new.id}")[0] == view.compare
