"""Issue 15's hosted history: an upload identical to the newest entry adds none, each entry
carries its change against the one before, and the API answers the diff of two entries."""

from __future__ import annotations

import base64
import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from diff_repo import CALLBACK_CHANGES, CYCLES_INTRODUCED, ENV, FINDING_CHANGES, git, \
    saved_snapshots, two_commits
from paths import REPO
from test_hosted_api import AUTH, TOKEN, client, settings  # noqa: F401 (fixtures)

from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from explorer.hosted.history import SnapshotHistory
from explorer.hosted.server import HostedSettings, build_hosted_app
from hosted_support import CLEAN_APP, callback, free_port, hosted_env, start_gunicorn, stop, \
    wait_for_http, write_projects


@pytest.fixture(scope="module")
def ci_snapshot() -> Snapshot:
    return snapshot_target(str(CLEAN_APP))


def rerun(snapshot: Snapshot) -> Snapshot:
    """The same project snapshotted again by another CI run: another time, another checkout."""
    return dataclasses.replace(snapshot, created_at="2031-01-02T03:04:05+00:00",
                               root="/builds/another-runner/checkout")


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


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The fixture project's git repository and both commits snapshotted as CI does."""
    repo = two_commits(tmp_path_factory.mktemp("repo"))
    return (repo, *saved_snapshots(repo, tmp_path_factory.mktemp("snapshots")))


@pytest.fixture
def shop(tmp_path, two_versions):
    """A hosted app whose project ``shop`` is the repository, with both commits uploaded
    through the API, oldest first: (client, base entry id, head entry id)."""
    repo, base, head = two_versions
    settings = HostedSettings(config=write_projects(tmp_path, shop=str(repo / "app.py")),
                              data_dir=tmp_path / "data", api_token=TOKEN)
    client = build_hosted_app(settings).server.test_client()
    ids = []
    for path in (base, head):
        response = client.post("/api/projects/shop/snapshots", data=path.read_bytes(),
                               headers={**AUTH, "Content-Type": "application/json"})
        assert response.status_code == 201, response.get_json()
        ids.append(response.get_json()["id"])
    return client, ids[0], ids[1]


def get_diff(client, query: str = "", headers=AUTH):
    return client.get(f"/api/projects/shop/diff{query}", headers=headers)


def test_the_api_diff_of_two_commits_names_every_kind_of_change(shop, two_versions):
    client, base_id, head_id = shop
    response = get_diff(client)  # head: the newest, base: the entry before it
    assert response.status_code == 200 and response.mimetype == "application/json"
    diff = response.get_json()
    assert {c["function"]: (c["status"], c["changed"]) for c in diff["callbacks"]} == \
        CALLBACK_CHANGES
    assert sorted((f["status"], f["code"]) for f in diff["findings"]) == FINDING_CHANGES
    assert diff["cycles_introduced"] == CYCLES_INTRODUCED
    assert (diff["base"]["label"], diff["head"]["label"]) == (f"shop@{base_id}",
                                                              f"shop@{head_id}")
    assert get_diff(client, f"?base={base_id}&head={head_id}").get_json() == diff

    # The CLI's JSON on the same two snapshot files, but for how each side is named.
    _, base, head = two_versions
    cli = subprocess.run([sys.executable, "-m", "analysis", "diff", str(base), str(head),
                          "--format", "json"], cwd=base.parent, capture_output=True, text=True,
                         timeout=300, env=ENV)
    assert cli.returncode == 1, cli.stderr
    expected = json.loads(cli.stdout)
    for data in (expected, diff):
        data["base"].pop("label"), data["head"].pop("label")
    assert diff == expected


def test_the_api_diff_as_a_pull_request_comment(shop):
    client, base_id, head_id = shop
    response = get_diff(client, f"?base={base_id}&head={head_id}&format=markdown")
    assert response.status_code == 200 and response.mimetype == "text/markdown"
    text = response.get_data(as_text=True)
    assert text.startswith("## Dash callback diff\n")
    assert f"`shop@{base_id}` → `shop@{head_id}`" in text and "**1 new**, 1 fixed" in text
    assert "| new | DASH040" in text and text.endswith("HEAD brings 1 new finding.\n")
    backwards = get_diff(client, f"?base={head_id}&head={base_id}&format=markdown")
    assert "HEAD brings 1 new finding." in backwards.get_data(as_text=True)  # DASH001 again


@pytest.mark.parametrize("query, status, says", [
    ("?base=0000000000000000000-ci-0000000000000000", 404, "has no snapshot"),
    ("?head=../../etc/passwd", 404, "has no snapshot"),
    ("?head={base}", 404, "nothing before it"),
    ("?format=html", 400, "json or markdown"),
])
def test_bad_diff_requests_are_json_errors(shop, query, status, says):
    client, base_id, _ = shop
    response = get_diff(client, query.format(base=base_id))
    assert response.status_code == status
    assert says in response.get_json()["error"] and response.get_json()["status"] == status


def test_the_diff_needs_the_token_and_a_configured_project(shop):
    client, _, _ = shop
    assert get_diff(client, headers={}).status_code == 401
    assert get_diff(client, headers={"Authorization": "Bearer nope"}).status_code == 403
    assert client.get("/api/projects/nope/diff", headers=AUTH).status_code == 404
    assert client.get("/api/projects/..%2F../diff", headers=AUTH).status_code == 400


def test_a_project_without_snapshots_has_no_diff(client):
    response = client.get("/api/projects/clean/diff", headers=AUTH)
    assert response.status_code == 404 and "no snapshot yet" in response.get_json()["error"]


def test_a_stored_snapshot_that_no_longer_reads_is_a_json_500_naming_it(shop, tmp_path):
    client, base_id, _ = shop
    (tmp_path / "data" / "history" / "shop" / f"{base_id}.json").write_text('{"schema_version": 0}')
    response = get_diff(client)
    assert response.status_code == 500
    assert "cannot be compared" in response.get_json()["error"]
    assert "schema_version" in response.get_json()["error"]


def test_the_diff_reads_the_findings_stored_at_upload_and_lints_nothing(shop, tmp_path):
    """The stored findings of the base are edited to none: a diff that linted the entries
    again would still report DASH001 fixed."""
    _, base_id, head_id = shop
    stored = tmp_path / "data" / "history" / "shop" / f"{base_id}.findings.json"
    data = json.loads(stored.read_text())
    assert [f["code"] for f in data["findings"]] == ["DASH001"]
    stored.write_text(json.dumps({**data, "findings": []}))
    settings = HostedSettings(config=tmp_path / "projects.toml", data_dir=tmp_path / "data",
                              api_token=TOKEN)
    restarted = build_hosted_app(settings, warm=False).server.test_client()
    summary = get_diff(restarted).get_json()["summary"]
    assert (summary["findings_new"], summary["findings_fixed"]) == (1, 0)


HEAD_CHANGE = {"callbacks_added": 3, "callbacks_removed": 1, "callbacks_changed": 3,
               "dependencies_added": 8, "dependencies_removed": 4, "findings_new": 1,
               "findings_fixed": 1, "findings_unchanged": 0, "cycles_introduced": 1,
               "cycles_removed": 0}
HEAD_LINE = "+3 −1 callbacks, 3 changed · 1 new, 1 fixed findings · 1 cycle introduced"


def picker(client) -> dict[str, str]:
    options = callback(client, "project-select.options", {"revision.data": 0}, "revision.data")
    return {o["value"]: o["label"] for o in options["project-select"]["options"]}


def test_each_entry_keeps_its_change_against_the_one_before(shop):
    client, base_id, head_id = shop
    entries = {e["id"]: e for e in listed(client, "shop")}
    assert entries[head_id]["change"] == {"base": base_id, **HEAD_CHANGE}
    assert entries[base_id]["change"] == {"base": None}  # the first: nothing before it
    newest = client.get("/api/projects", headers=AUTH).get_json()["projects"][0]["newest"]
    assert newest == entries[head_id]
    labels = picker(client)
    assert labels["shop"].endswith(f" · {HEAD_LINE}")  # the newest is the project itself
    assert labels[f"shop@{base_id}"].endswith(" (ci) · first snapshot")


def test_the_upload_answers_its_change(tmp_path, two_versions):
    repo, base, head = two_versions
    settings = HostedSettings(config=write_projects(tmp_path, shop=str(repo / "app.py")),
                              data_dir=tmp_path / "data", api_token=TOKEN)
    client = build_hosted_app(settings, warm=False).server.test_client()
    answers = [client.post("/api/projects/shop/snapshots", data=path.read_bytes(),
                           headers={**AUTH, "Content-Type": "application/json"}).get_json()
               for path in (base, head, base)]
    assert answers[1]["change"] == {"base": answers[0]["id"], **HEAD_CHANGE}
    back = answers[2]["change"]  # a revert is a new entry, and its change says so
    assert (back["callbacks_added"], back["callbacks_removed"], back["findings_new"],
            back["findings_fixed"]) == (1, 3, 1, 1)


def test_the_history_shows_the_change_kept_at_upload_and_computes_none(shop, tmp_path):
    """The kept change is edited: a listing or a picker that compared entries again would
    show the real one."""
    client, base_id, head_id = shop
    meta = tmp_path / "data" / "history" / "shop" / f"{head_id}.meta.json"
    data = json.loads(meta.read_text())
    meta.write_text(json.dumps({**data, "change": {**data["change"], "callbacks_added": 42}}))
    assert next(e for e in listed(client, "shop") if e["id"] == head_id)["change"][
        "callbacks_added"] == 42
    settings = HostedSettings(config=tmp_path / "projects.toml", data_dir=tmp_path / "data",
                              api_token=TOKEN)
    restarted = build_hosted_app(settings, warm=False).server.test_client()
    assert "+42 −1 callbacks" in picker(restarted)["shop"]


def ci_step() -> str:
    """docs/review.md's CI step, verbatim."""
    text = (REPO / "docs" / "review.md").read_text(encoding="utf-8")
    blocks = text.split("```bash\n")[1:]
    return next(block.split("```")[0] for block in blocks if "/diff?head=" in block)


@pytest.mark.skipif(not (shutil.which("curl") and shutil.which("jq")), reason="needs curl, jq")
def test_the_documented_ci_step_posts_each_push_s_change_through_a_real_gunicorn(tmp_path):
    (tmp_path / "repo").mkdir()
    repo = two_commits(tmp_path / "repo")
    branch = git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip()
    config = write_projects(tmp_path, shop=str(repo / "app.py"))
    port = free_port()
    server = start_gunicorn(hosted_env(config, tmp_path / "data", DCE_API_TOKEN=TOKEN), port)
    summary = tmp_path / "summary.md"
    env = {**ENV, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "DCE_API_TOKEN": TOKEN,
           "DCE_URL": f"http://127.0.0.1:{port}", "GITHUB_STEP_SUMMARY": str(summary)}

    def push(ref: str) -> str:
        git(repo, "checkout", "-q", ref)
        done = subprocess.run(["bash", "-euo", "pipefail", "-c", ci_step()], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        return (repo / "diff.md").read_text()

    try:
        wait_for_http(f"http://127.0.0.1:{port}/healthz", server, timeout=120)
        assert push("HEAD~1").startswith("First snapshot of shop: ")
        posted = push(branch)
        assert posted.startswith("## Dash callback diff") and "| new | DASH040" in posted
        assert "| fixed | DASH001" in posted and posted.endswith("HEAD brings 1 new finding.\n")
        assert push("HEAD").startswith("No callback change: identical to snapshot ")
    finally:
        stop(server)
    assert summary.read_text().count("## Dash callback diff") == 1


@pytest.mark.parametrize("kept", ['{"format": 1, "canonical": 7, "change": "lots"}', "[]",
                                  '{"format": 2, "canonical": "x"}', "{not json"])
def test_a_broken_meta_file_is_no_change_and_no_hash(tmp_path, ci_snapshot, kept):
    history = SnapshotHistory(tmp_path)
    entry, _ = history.put("clean", ci_snapshot, "ci")
    (tmp_path / "clean" / f"{entry.id}.meta.json").write_text(kept)
    assert history.meta(entry) == {}
    assert history.put("clean", ci_snapshot, "ci") == (entry, False)  # by digest, as before


def test_an_upload_after_an_entry_that_no_longer_reads_is_stored_without_a_change(
        shop, tmp_path, two_versions):
    client, _, head_id = shop
    (tmp_path / "data" / "history" / "shop" / f"{head_id}.json").write_text("{}")
    settings = HostedSettings(config=tmp_path / "projects.toml", data_dir=tmp_path / "data",
                              api_token=TOKEN)
    restarted = build_hosted_app(settings, warm=False).server.test_client()
    response = restarted.post("/api/projects/shop/snapshots", data=two_versions[1].read_bytes(),
                              headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 201 and response.get_json()["change"] is None
