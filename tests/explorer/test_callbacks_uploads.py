"""Page uploads: validated like the API, stored in the history, then shown."""

from __future__ import annotations

import base64

from analysis.snapshot import Callback, Dependency, Snapshot
from explorer.callbacks.uploads import store_upload
from explorer.hosted.history import SnapshotHistory
from explorer.hosted.projects import HostedProjectStore
from explorer.projects import Project


def data_url(raw: bytes) -> str:
    return "data:application/json;base64," + base64.b64encode(raw).decode()


def shop_store(tmp_path) -> HostedProjectStore:
    history = SnapshotHistory(tmp_path / "history")
    return HostedProjectStore([Project("shop", snapshot_file=str(tmp_path / "none.json"))],
                              history, tmp_path / "results")


def test_a_good_upload_becomes_the_projects_newest_snapshot(tmp_path):
    store = shop_store(tmp_path)
    snapshot = Snapshot(target="app.py", root="/srv/app", callbacks=(
        Callback(index=0, function="app.cb0", outputs=(Dependency("out", "children"),),
                 inputs=(Dependency("in", "value"),)),))
    message, project, revision = store_upload(store, data_url(snapshot.to_json().encode()),
                                              "snap.json", "shop")
    assert project == "shop" and revision == store.revision
    assert message.className == "text-success"
    assert message.children.startswith("snap.json stored as shop's newest snapshot (")
    assert [e.source for e in store.history.entries("shop")] == ["upload"]
    assert store.services("shop").snapshot == snapshot


def test_a_bad_upload_is_refused_and_the_choice_stays(tmp_path):
    store = shop_store(tmp_path)
    message, project, _ = store_upload(store, data_url(b"{not json"), None, "shop")
    assert project == "shop" and message.className == "text-danger"
    assert message.children.startswith("the file was refused: ")
    refused, _, _ = store_upload(store, "not a data url", "x.json", "shop")
    assert "pick a JSON file" in refused.children
    assert store.history.entries("shop") == []


def test_uploads_go_only_to_configured_projects(tmp_path):
    assert store_upload(shop_store(tmp_path), data_url(b"{}"), "x.json", "elsewhere") is None
