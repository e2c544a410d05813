"""The snapshot upload API on the real hosted app (Flask test client, a tmp data folder)."""

from __future__ import annotations

import base64
import dataclasses
import json
from pathlib import Path

import pytest

from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from explorer.hosted.server import HostedSettings, build_hosted_app
from hosted_support import CLEAN_APP, callback, write_projects

TOKEN = "ci-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="session")
def ci_snapshot() -> Snapshot:
    """What ``python -m analysis --save-snapshot`` makes in CI, marked so we can spot it."""
    return dataclasses.replace(snapshot_target(str(CLEAN_APP)), notes=("uploaded from CI",))


@pytest.fixture
def settings(tmp_path: Path) -> HostedSettings:
    return HostedSettings(config=write_projects(tmp_path), data_dir=tmp_path / "data",
                          api_token=TOKEN, max_upload_bytes=2 * 1024 * 1024)


@pytest.fixture
def client(settings):
    return build_hosted_app(settings).server.test_client()


def stored_files(settings: HostedSettings) -> list[Path]:
    return sorted(p for p in settings.data_dir.rglob("*.json"))


def post(client, project: str, body: bytes | str, headers=AUTH):
    return client.post(f"/api/projects/{project}/snapshots", data=body,
                       headers={**headers, "Content-Type": "application/json"})


def test_a_good_upload_is_stored_listed_and_survives_a_restart(settings, client, ci_snapshot):
    response = post(client, "clean", ci_snapshot.to_json())
    assert response.status_code == 201, response.get_json()
    entry = response.get_json()
    assert entry["project"] == "clean" and entry["source"] == "ci"
    listed = client.get("/api/projects/clean/snapshots", headers=AUTH).get_json()["snapshots"]
    assert [e["id"] for e in listed] == [entry["id"]]

    restarted = build_hosted_app(settings).server.test_client()  # a new process, same folder
    listed = restarted.get("/api/projects/clean/snapshots", headers=AUTH).get_json()["snapshots"]
    assert [e["id"] for e in listed] == [entry["id"]]
    fetched = restarted.get(f"/api/projects/clean/snapshots/{entry['id']}", headers=AUTH)
    assert Snapshot.from_json(fetched.data) == ci_snapshot
    projects = restarted.get("/api/projects", headers=AUTH).get_json()["projects"]
    assert projects == [{"name": "clean", "snapshots": 1, "newest": listed[0]}]


def test_history_is_newest_first_and_offered_in_the_picker(client, ci_snapshot):
    first = post(client, "clean", ci_snapshot.to_json()).get_json()
    second = post(client, "clean", dataclasses.replace(ci_snapshot, notes=("2nd",)).to_json())
    second = second.get_json()
    listed = client.get("/api/projects/clean/snapshots", headers=AUTH).get_json()["snapshots"]
    assert [e["id"] for e in listed] == [second["id"], first["id"]]
    options = callback(client, "project-select.options", {"revision.data": 0}, "revision.data")
    values = [o["value"] for o in options["project-select"]["options"]]
    # the newest is the project itself; then the older entry, and the two compared
    assert values == ["clean", f"clean@{first['id']}", f"clean@{first['id']}..{second['id']}"]


def test_any_stored_snapshot_can_be_shown(client, ci_snapshot):
    one_callback = dataclasses.replace(ci_snapshot, callbacks=ci_snapshot.callbacks[:1])
    first = post(client, "clean", ci_snapshot.to_json()).get_json()
    post(client, "clean", one_callback.to_json())

    def caption(choice: str) -> str:
        shown = callback(client, "graph-caption.children",
                         {"project-select.value": choice}, "project-select.value")
        return shown["graph-caption"]["children"]

    total = len(ci_snapshot.callbacks)
    assert total > 1
    assert "of 1 callbacks" in caption("clean")  # the newest
    assert f"of {total} callbacks" in caption(f"clean@{first['id']}")
    assert "No analysis" in caption("clean@0000000000000000000-ci-0000000000000000")


@pytest.mark.parametrize("headers, status", [
    ({}, 401),
    ({"Authorization": "Basic Y2k6Y2k="}, 401),
    ({"Authorization": "Bearer "}, 401),
    ({"Authorization": "Bearer wrong-token"}, 403),
    ({"Authorization": f"Bearer {TOKEN}x"}, 403),
])
def test_missing_or_wrong_tokens_are_refused(settings, client, ci_snapshot, headers, status):
    assert post(client, "clean", ci_snapshot.to_json(), headers).status_code == status
    assert client.get("/api/projects", headers=headers).status_code == status
    assert stored_files(settings) == []


def test_the_api_is_closed_when_no_token_is_configured(settings, ci_snapshot):
    closed = build_hosted_app(dataclasses.replace(settings, api_token=None)).server.test_client()
    assert post(closed, "clean", ci_snapshot.to_json(), {"Authorization": "Bearer "}).status_code \
        == 401
    assert post(closed, "clean", ci_snapshot.to_json()).status_code == 401
    assert stored_files(settings) == []


@pytest.mark.parametrize("project, body, status", [
    ("clean", "{not json", 400),
    ("clean", b"\xff\xfe\x00", 400),
    ("clean", json.dumps({"schema_version": 99, "target": "x", "root": "/"}), 422),
    ("clean", json.dumps({"schema_version": 1, "target": 3}), 422),
    ("clean", "[]", 422),
    ("unknown", "{}", 404),
    ("..", "{}", 400),
    ("%2e%2e", "{}", 400),
    ("..%2F..%2Fetc", "{}", 400),
    ("a%00b", "{}", 400),
    ("clean%2F..", "{}", 400),
    ("clean%2F..%2F..", "{}", 400),
])
def test_bad_uploads_are_refused_and_store_nothing(settings, client, project, body, status):
    response = post(client, project, body)
    assert response.status_code == status
    if response.is_json:
        assert response.get_json()["error"]
    assert stored_files(settings) == []


def test_a_path_traversal_name_in_the_body_of_a_good_snapshot_stays_in_the_store(
        settings, client, ci_snapshot):
    weird = dataclasses.replace(ci_snapshot, target="../../../etc/passwd", root="/etc")
    assert post(client, "clean", weird.to_json()).status_code == 201
    assert all(settings.data_dir in p.parents for p in stored_files(settings))


def test_oversized_bodies_are_refused(settings, ci_snapshot):
    small = dataclasses.replace(settings, max_upload_bytes=1000)
    client = build_hosted_app(small).server.test_client()
    assert len(ci_snapshot.to_json()) > 1000
    assert post(client, "clean", ci_snapshot.to_json()).status_code == 413
    assert post(client, "clean", b" " * 5000).status_code == 413
    assert stored_files(settings) == []


def test_page_uploads_go_through_the_same_validation(settings, client, ci_snapshot):
    def upload(raw: bytes):
        contents = "data:application/json;base64," + base64.b64encode(raw).decode()
        return callback(client, "upload-status.children",
                        {"snapshot-upload.contents": contents,
                         "snapshot-upload.filename": "snap.json",
                         "project-select.value": "clean"}, "snapshot-upload.contents")

    refused = upload(b'{"schema_version": 7}')
    assert "refused" in json.dumps(refused["upload-status"])
    assert stored_files(settings) == []
    stored = upload(ci_snapshot.to_json().encode())
    assert stored["project-select"]["value"] == "clean"
    listed = client.get("/api/projects/clean/snapshots", headers=AUTH).get_json()["snapshots"]
    assert [e["source"] for e in listed] == ["upload"]


def test_basic_auth_guards_the_page_but_not_the_api_or_health(settings, ci_snapshot):
    guarded = build_hosted_app(dataclasses.replace(settings, basic_auth=("team", "pa:ss")))
    client = guarded.server.test_client()
    good = {"Authorization": "Basic " + base64.b64encode(b"team:pa:ss").decode()}
    bad = {"Authorization": "Basic " + base64.b64encode(b"team:nope").decode()}
    for path in ("/", "/_dash-layout", "/_dash-dependencies", "/assets/bootstrap.min.css"):
        assert client.get(path).status_code == 401
        assert client.get(path, headers=bad).status_code == 401
        assert client.get(path, headers=good).status_code == 200
    assert client.post("/_dash-update-component", json={}).status_code == 401
    assert "Basic" in client.get("/").headers["WWW-Authenticate"]
    assert client.get("/healthz").status_code == 200
    assert post(client, "clean", ci_snapshot.to_json()).status_code == 201  # CI: bearer only
