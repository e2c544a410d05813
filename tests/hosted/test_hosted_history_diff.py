"""Issue 15's hosted history: an upload identical to the newest entry adds none, each entry
carries its change against the one before, and the API answers the diff of two entries."""

from __future__ import annotations

import base64
import dataclasses
from pathlib import Path

import pytest

from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from explorer.hosted.history import SnapshotHistory
from explorer.hosted.server import HostedSettings, build_hosted_app
from hosted_support import CLEAN_APP, callback, write_projects

TOKEN = "ci-token-15"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def ci_snapshot() -> Snapshot:
    return snapshot_target(str(CLEAN_APP))


def rerun(snapshot: Snapshot) -> Snapshot:
    """The same project snapshotted again by another CI run: another time, another checkout."""
    return dataclasses.replace(snapshot, created_at="2031-01-02T03:04:05+00:00",
                               root="/builds/another-runner/checkout")


@pytest.fixture
def settings(tmp_path: Path) -> HostedSettings:
    return HostedSettings(config=write_projects(tmp_path), data_dir=tmp_path / "data",
                          api_token=TOKEN, max_upload_bytes=2 * 1024 * 1024)


@pytest.fixture
def client(settings):
    return build_hosted_app(settings).server.test_client()


def post(client, snapshot: Snapshot, project: str = "clean"):
    return client.post(f"/api/projects/{project}/snapshots", data=snapshot.to_json(),
                       headers={**AUTH, "Content-Type": "application/json"})


def listed(client, project: str = "clean") -> list[dict]:
    return client.get(f"/api/projects/{project}/snapshots", headers=AUTH).get_json()["snapshots"]


def snapshot_files(settings: HostedSettings) -> list[Path]:
    return [p for p in (settings.data_dir / "history" / "clean").glob("*.json")
            if p.name.count(".") == 1]


def test_a_rerun_of_the_newest_snapshot_adds_no_entry_and_says_so(settings, client, ci_snapshot):
    first = post(client, ci_snapshot)
    assert first.status_code == 201
    again = post(client, rerun(ci_snapshot))
    assert again.status_code == 200, again.get_json()
    body = again.get_json()
    assert body["duplicate_of"] == body["id"] == first.get_json()["id"]
    assert [e["id"] for e in listed(client)] == [body["id"]]
    assert len(snapshot_files(settings)) == 1
    changed = post(client, dataclasses.replace(rerun(ci_snapshot), python_version="3.99.0"))
    assert changed.status_code == 201 and "duplicate_of" not in changed.get_json()
    assert len(listed(client)) == 2


def test_the_page_upload_says_an_identical_snapshot_was_not_stored_again(client, ci_snapshot):
    def upload(snapshot: Snapshot) -> str:
        contents = ("data:application/json;base64,"
                    + base64.b64encode(snapshot.to_json().encode()).decode())
        answer = callback(client, "upload-status.children",
                          {"snapshot-upload.contents": contents,
                           "snapshot-upload.filename": "snap.json",
                           "project-select.value": "clean"}, "snapshot-upload.contents")
        return str(answer["upload-status"]["children"])

    assert "stored as clean's newest snapshot" in upload(ci_snapshot)
    said = upload(rerun(ci_snapshot))
    assert "identical to clean's newest snapshot" in said and "not stored again" in said
    assert len(listed(client)) == 1


def test_the_history_compares_a_hash_kept_with_the_entry_not_the_stored_bodies(tmp_path,
                                                                                ci_snapshot):
    history = SnapshotHistory(tmp_path)
    entry, new = history.put("clean", ci_snapshot, "ci")
    assert new
    body = tmp_path / "clean" / f"{entry.id}.json"
    body.write_bytes(b"not read: the dedupe compares the hash stored with the entry")
    again, new = history.put("clean", rerun(ci_snapshot), "ci")
    assert (again.id, new) == (entry.id, False)


def test_an_entry_stored_before_hashes_were_kept_is_compared_by_its_digest(tmp_path,
                                                                           ci_snapshot):
    history = SnapshotHistory(tmp_path)
    entry, _ = history.put("clean", ci_snapshot, "ci")
    (tmp_path / "clean" / f"{entry.id}.meta.json").unlink()  # as an older version stored it
    assert history.put("clean", ci_snapshot, "ci") == (entry, False)
    newer, new = history.put("clean", rerun(ci_snapshot), "ci")
    assert new and newer.id != entry.id
    assert history.meta(newer)["canonical"]  # and from now on the hash is kept
