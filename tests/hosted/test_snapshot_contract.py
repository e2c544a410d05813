"""The snapshot contract wherever a snapshot enters the hosted server (issue 13, item 1): the
API and the page upload refuse each attack with a 4xx and one line; a bad file already in the
history is skipped with a logged warning, and the server (a real gunicorn) still boots."""

from __future__ import annotations

import base64
import json
import logging
import time

import pytest
import requests

from analysis.snapshot import Snapshot
from explorer.hosted.history import SnapshotHistory
from explorer.hosted.server import HostedSettings, build_hosted_app, build_store
from hosted_support import (
    CLEAN_APP, callback, free_port, hosted_env, start_gunicorn, stop, wait_for_http,
    write_projects,
)
from snapshot_attacks import ATTACKS, attack_body, good

TOKEN = "contract-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> HostedSettings:
    folder = tmp_path_factory.mktemp("contract")
    return HostedSettings(config=write_projects(folder), data_dir=folder / "data",
                          api_token=TOKEN)


@pytest.fixture(scope="module")
def client(settings):
    return build_hosted_app(settings).server.test_client()


def uploaded(client, project: str = "clean") -> list[str]:
    """The sources of the project's stored entries that came from outside (CI, the page)."""
    listed = client.get(f"/api/projects/{project}/snapshots", headers=AUTH).get_json()
    return [e["source"] for e in listed["snapshots"] if e["source"] in ("ci", "upload")]


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_the_api_refuses_each_attack_with_a_4xx_json_line(client, attack):
    """Each of these was stored with 201 (the 100k-deep one: a 500 HTML page), after which
    the picker failed for every project and a restart did not boot."""
    response = client.post("/api/projects/clean/snapshots", data=attack_body(attack),
                           headers={**AUTH, "Content-Type": "application/json"})
    assert 400 <= response.status_code < 500, response.get_data(as_text=True)[:300]
    assert response.is_json
    message = response.get_json()["error"]
    assert ATTACKS[attack][1] in message and "\n" not in message
    assert uploaded(client) == []


def test_a_callback_request_nested_100k_deep_gets_a_json_4xx(client):
    """Dash parses its callback requests itself: a RecursionError was a 500 HTML page."""
    body = '{"output": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post("/_dash-update-component", data=body,
                           content_type="application/json")
    assert response.status_code == 400 and "nested too deeply" in response.get_json()["error"]


def page_upload(client, raw: bytes) -> str:
    """Upload ``raw`` through the page's dcc.Upload; the status line's text."""
    contents = "data:application/json;base64," + base64.b64encode(raw).decode()
    answer = callback(client, "upload-status.children",
                      {"snapshot-upload.contents": contents,
                       "snapshot-upload.filename": "snap.json",
                       "project-select.value": "clean"}, "snapshot-upload.contents")
    return answer["upload-status"]["children"]["props"]["children"]


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_the_page_upload_refuses_each_attack_with_one_line(client, attack):
    status = page_upload(client, attack_body(attack))
    assert status.startswith("snap.json was refused: ") and ATTACKS[attack][1] in status
    assert "\n" not in status
    assert uploaded(client) == []


def test_a_deep_expression_in_source_is_stored_and_every_page_still_answers(client):
    """A 200k-deep expression in ``source`` is a string, so the contract stores it; the
    picker's lint reads it as unparsable instead of failing for every project."""
    data = good()
    data["callbacks"][0]["source"] = "def show(value):\n    return " + "-" * 200_000 + "value\n"
    body = json.dumps(data).encode()
    response = client.post("/api/projects/clean/snapshots", data=body,
                           headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 201, response.get_json()
    for path in ("/", "/_dash-layout", "/_dash-dependencies"):
        assert client.get(path).status_code == 200
    options = callback(client, "project-select.options", {"revision.data": 1}, "revision.data")
    assert [o["value"] for o in options["project-select"]["options"]][0] == "clean"
    # the picker linted the stored snapshot and answered


def store_bad_files(history: SnapshotHistory, project: str) -> list[str]:
    """A valid entry, then every attack's bytes as newer entries (as an older version of the
    server, or a hand edit, could have left them): the ids of the bad ones."""
    history.add(project, Snapshot.from_json(json.dumps(good())), "ci")
    folder = history.root / project
    bad = []
    for number, attack in enumerate(ATTACKS):
        entry = f"{time.time_ns() + number + 1:019d}-ci-{number:016x}"
        (folder / f"{entry}.json").write_bytes(attack_body(attack))
        bad.append(entry)
    return bad


def test_bad_files_in_the_history_are_skipped_with_a_warning_at_start(tmp_path, caplog):
    config = write_projects(tmp_path, clean=str(CLEAN_APP), other=str(CLEAN_APP))
    settings = HostedSettings(config=config, data_dir=tmp_path / "data", api_token=TOKEN)
    history = SnapshotHistory(settings.data_dir / "history")
    bad = store_bad_files(history, "clean")
    history.add("other", Snapshot.from_json(json.dumps(good())), "ci")

    with caplog.at_level(logging.WARNING, logger="explorer.hosted.history"):
        warming = build_hosted_app(settings).server.test_client()  # raised before: no boot
        deadline = time.monotonic() + 60  # warm-up runs in the background; /readyz says when
        while warming.get("/readyz").status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.05)
    skipped = [r.getMessage() for r in caplog.records if "skipping stored snapshot" in r.message]
    assert {entry for entry in bad if any(entry in line for line in skipped)} == set(bad)

    client = build_hosted_app(settings, warm=False).server.test_client()
    served = client.get(f"/api/projects/clean/snapshots/{bad[0]}", headers=AUTH)
    assert served.status_code == 500 and "cannot be read" in served.get_json()["error"]

    store = build_store(settings)
    for project in ("clean", "other"):  # the newest entry that loads, not a probe
        state = store.state(project)
        assert state.error is None and state.services.snapshot.callbacks[0].name == "show"


def test_gunicorn_boots_over_a_history_of_bad_files(tmp_path):
    """A bad stored snapshot made every worker fail to boot (gunicorn exited 3)."""
    config = write_projects(tmp_path, clean=str(CLEAN_APP), other=str(CLEAN_APP))
    data = tmp_path / "data"
    history = SnapshotHistory(data / "history")
    store_bad_files(history, "clean")
    history.add("other", Snapshot.from_json(json.dumps(good())), "ci")
    port = free_port()
    process = start_gunicorn(hosted_env(config, data, DCE_API_TOKEN=TOKEN), port)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_http(f"{base}/healthz", process, timeout=120)
        for path in ("/healthz", "/", "/_dash-layout"):
            assert requests.get(base + path, timeout=60).status_code == 200
        projects = requests.get(f"{base}/api/projects", headers=AUTH, timeout=60).json()
        assert {p["name"] for p in projects["projects"]} == {"clean", "other"}
    finally:
        output = stop(process)
    assert process.returncode == 0, output[-3000:]
    assert "skipping stored snapshot" in output
    assert "Worker failed to boot" not in output and "Traceback" not in output
