"""The snapshot history: validated, atomic, newest first, bounded, and safe from odd names."""

from __future__ import annotations

import json

import pytest

from analysis.errors import SnapshotError
from analysis.snapshot import Callback, Dependency, Snapshot
from explorer.hosted.history import SnapshotHistory, UploadRejected, parse_upload


def snapshot(n: int = 1, target: str = "app.py") -> Snapshot:
    return Snapshot(target=target, root="/srv/app", callbacks=tuple(
        Callback(index=i, function=f"app.cb{i}", outputs=(Dependency(f"out{i}", "children"),),
                 inputs=(Dependency(f"in{i}", "value"),)) for i in range(n)))


def test_entries_are_listed_newest_first_and_survive_a_new_instance(tmp_path):
    history = SnapshotHistory(tmp_path)
    first = history.add("shop", snapshot(1), "ci")
    second = history.add("shop", snapshot(2), "upload")
    reopened = SnapshotHistory(tmp_path)
    assert [e.id for e in reopened.entries("shop")] == [second.id, first.id]
    assert reopened.load("shop", first.id) == snapshot(1)
    assert reopened.newest("shop").source == "upload"
    assert reopened.entries("other") == []
    assert not list(tmp_path.rglob("*.tmp"))  # atomic writes leave no temp files


def test_history_keeps_the_newest_entries_only(tmp_path):
    history = SnapshotHistory(tmp_path, keep=3)
    added = [history.add("shop", snapshot(i), "ci") for i in range(5)]
    assert [e.id for e in history.entries("shop")] == [e.id for e in reversed(added[2:])]
    # each kept entry's body and what is kept beside it, and nothing of the pruned ones
    assert {p.name.split(".")[0] for p in (tmp_path / "shop").iterdir()} == {
        e.id for e in added[2:]}


@pytest.mark.parametrize("project", ["..", "../x", "a/b", "", "a\x00"])
def test_unsafe_project_names_never_reach_the_disk(tmp_path, project):
    history = SnapshotHistory(tmp_path / "store")
    with pytest.raises(ValueError):
        history.add(project, snapshot(), "ci")
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("entry_id", ["../../etc/passwd", "x", "", "0" * 19 + "-ci-" + "g" * 16])
def test_unknown_or_unsafe_entry_ids_are_not_found(tmp_path, entry_id):
    history = SnapshotHistory(tmp_path)
    history.add("shop", snapshot(), "ci")
    assert history.get("shop", entry_id) is None
    with pytest.raises(SnapshotError):
        history.load("shop", entry_id)


def test_a_good_upload_parses_to_the_same_snapshot():
    assert parse_upload(snapshot(3).to_json().encode()) == snapshot(3)


@pytest.mark.parametrize("body, status", [
    (b"{not json", 400),
    (b"\xff\xfe", 400),
    (json.dumps({**snapshot().to_dict(), "schema_version": 99}).encode(), 422),
    (b"[1, 2]", 422),
    (json.dumps({**snapshot().to_dict(), "callbacks": [{"bogus": 1}]}).encode(), 422),
    (json.dumps({**snapshot().to_dict(), "target": 7}).encode(), 422),
])
def test_bad_uploads_are_rejected_with_a_status(body, status):
    with pytest.raises(UploadRejected) as raised:
        parse_upload(body)
    assert raised.value.status == status


def test_oversized_uploads_are_rejected_before_parsing(tmp_path):
    body = snapshot(50).to_json().encode()
    with pytest.raises(UploadRejected) as raised:
        parse_upload(body, max_bytes=len(body) - 1)
    assert raised.value.status == 413
    with pytest.raises(UploadRejected):
        SnapshotHistory(tmp_path, max_bytes=100).add("shop", snapshot(50), "ci")
    assert not (tmp_path / "shop").exists() or not list((tmp_path / "shop").iterdir())


def test_the_same_snapshot_twice_in_a_row_is_one_entry(tmp_path):
    history = SnapshotHistory(tmp_path)
    first = history.add("shop", snapshot(2), "analysis")
    assert history.add("shop", snapshot(2), "ci") == first
    history.add("shop", snapshot(3), "ci")
    history.add("shop", snapshot(2), "ci")  # not the newest any more: a new entry
    assert [e.digest for e in history.entries("shop")] == [first.digest, history.entries(
        "shop")[1].digest, first.digest]
    stamp = history.stamp("shop")
    assert stamp is not None and history.stamp("other") is None
