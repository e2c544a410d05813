"""Attacks on the hosted server (issue 13), one test each: every one failed before its fix."""

from __future__ import annotations

import base64
import dataclasses
from pathlib import Path

import pytest

from explorer.hosted.server import HostedSettings, build_hosted_app
from hosted_support import write_projects

TOKEN = "t0ken"


@pytest.fixture
def settings(tmp_path: Path) -> HostedSettings:
    return HostedSettings(config=write_projects(tmp_path), data_dir=tmp_path / "data",
                          api_token=TOKEN)


@pytest.fixture
def guarded(settings):
    app = build_hosted_app(dataclasses.replace(settings, basic_auth=("team", "pa:ss")))
    return app.server.test_client()


@pytest.mark.parametrize("path", ["/healthzX", "/healthz/x", "/api/", "/api", "/apiary",
                                  "/healthz%2F..%2F"])
def test_auth_exemptions_are_exact_routes_not_path_prefixes(guarded, path):
    """``/healthzX`` and ``/api/`` used to serve the index page (project names) unauthenticated."""
    response = guarded.get(path)
    assert response.status_code == 401, (path, response.status_code)


def test_exempt_routes_still_answer_without_the_password(guarded):
    assert guarded.get("/healthz").status_code == 200
    assert guarded.get("/api/projects").status_code == 401  # the bearer token's 401
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    assert guarded.get("/api/projects", headers=bearer).status_code == 200
    password = {"Authorization": "Basic " + base64.b64encode(b"team:pa:ss").decode()}
    assert guarded.get("/api/", headers=password).status_code == 200  # the page, logged in


def seen_by_probe(project) -> str:
    """The environment names the probed target saw (it writes them into its layout's id)."""
    [component] = project.analyse().components
    return component.id


def test_server_secrets_never_reach_probed_code(tmp_path, monkeypatch):
    """The probe child used to inherit DCE_API_TOKEN, DCE_BASIC_AUTH and DCE_REDIS_URL."""
    from explorer.hosted.projects_file import load_projects
    from paths import TARGETS

    for name, value in {"DCE_API_TOKEN": "t", "DCE_BASIC_AUTH": "u:p", "SHOP_SECRET": "s",
                        "SHOP_SETTINGS": "ok"}.items():
        monkeypatch.setenv(name, value)
    target = TARGETS / "reads_environment" / "app.py"
    config = tmp_path / "projects.toml"
    config.write_text(f'[[projects]]\nname = "plain"\ntarget = "{target}"\n\n'
                      f'[[projects]]\nname = "named"\ntarget = "{target}"\n'
                      f'env = ["SHOP_SETTINGS"]\n', encoding="utf-8")
    plain, named = load_projects(config)
    assert seen_by_probe(plain) == "seen:"
    assert seen_by_probe(named) == "seen:SHOP_SETTINGS"


def test_a_projects_file_cannot_pass_the_servers_own_settings(tmp_path):
    from analysis.errors import ConfigError
    from explorer.hosted.projects_file import load_projects

    config = tmp_path / "projects.toml"
    config.write_text('[[projects]]\nname = "x"\ntarget = "x:app"\nenv = ["DCE_API_TOKEN"]\n',
                      encoding="utf-8")
    with pytest.raises(ConfigError, match="DCE_API_TOKEN"):
        load_projects(config)



def test_a_local_run_keeps_the_developers_environment(monkeypatch):
    """``python -m analysis`` and the local explorer run a developer's own project, which may
    need its variables at import (our own hosted app is linted with DCE_CONFIG set)."""
    from analysis.probe.runner import snapshot_target
    from paths import TARGETS

    monkeypatch.setenv("DCE_CONFIG", "projects.toml")
    monkeypatch.setenv("SHOP_SETTINGS", "ok")
    snapshot = snapshot_target(str(TARGETS / "reads_environment" / "app.py"))
    assert [c.id for c in snapshot.components] == ["seen:DCE_CONFIG,SHOP_SETTINGS"]


def test_every_route_refuses_a_body_over_the_limit(settings):
    """A 491 MB page-upload request took a worker to 1.21 GB: Dash parsed it before any
    size check. Flask now refuses it by its Content-Length before reading."""
    small = dataclasses.replace(settings, max_upload_bytes=64 * 1024)
    client = build_hosted_app(small).server.test_client()
    body = b'{"output": "x", "inputs": [], "changedPropIds": [], "pad": "' + b"a" * 2_000_000 + b'"}'
    response = client.post("/_dash-update-component", data=body,
                           content_type="application/json")
    assert response.status_code == 413


def test_pages_carry_security_headers(settings):
    client = build_hosted_app(settings).server.test_client()
    headers = client.get("/").headers
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "'unsafe-eval'" not in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";")[0]


def test_repeated_failed_logins_are_throttled(settings):
    app = build_hosted_app(dataclasses.replace(settings, basic_auth=("team", "pa:ss")))
    client = app.server.test_client()
    wrong = {"Authorization": "Basic " + base64.b64encode(b"team:guess").decode()}
    right = {"Authorization": "Basic " + base64.b64encode(b"team:pa:ss").decode()}
    statuses = [client.get("/", headers=wrong).status_code for _ in range(12)]
    assert statuses[:10] == [401] * 10 and statuses[10:] == [429, 429]
    throttled = client.get("/", headers=right)  # even the right password waits its turn
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) > 0
    assert client.get("/healthz").status_code == 200


def test_failed_logins_leave_the_window(settings):
    from explorer.hosted.auth import FailedLogins

    failures = FailedLogins(limit=2, window=60, addresses=2)
    failures.record("a", now=0)
    failures.record("a", now=1)
    assert failures.wait("a", now=2) == 58
    assert failures.wait("a", now=61) == 0  # the first failure left the window
    failures.record("b", now=2)
    failures.record("c", now=2)  # three addresses, room for two: "a" is forgotten
    assert failures.wait("a", now=2) == 0


def _add_one(args) -> str:
    root, text = args
    from analysis.snapshot import Snapshot
    from explorer.hosted.history import SnapshotHistory

    return SnapshotHistory(root).add("shop", Snapshot.from_json(text), "ci").id


def test_identical_parallel_uploads_are_stored_once(tmp_path):
    """16 parallel uploads of one snapshot made 4 entries: the newest-entry check and the
    write were not one step across processes."""
    from concurrent.futures import ProcessPoolExecutor

    from analysis.probe.runner import snapshot_target
    from hosted_support import CLEAN_APP

    text = snapshot_target(str(CLEAN_APP)).to_json()
    with ProcessPoolExecutor(8) as pool:
        ids = set(pool.map(_add_one, [(tmp_path, text)] * 16))
    assert len(ids) == 1
    # one entry: its body and what is kept beside it (its hash), nothing of another
    assert {p.name.split(".")[0] for p in (tmp_path / "shop").glob("*.json")} == ids


def test_a_killed_writers_temporary_file_is_removed_at_start(tmp_path, settings):
    """A ``kill -9`` mid-write leaves ``.<entry>.json.XXXX.tmp``; nothing ever removed it."""
    orphan = settings.data_dir / "history" / "clean" / ".0001-ci-abc.json.x1y2.tmp"
    orphan.parent.mkdir(parents=True)
    orphan.write_text('{"half": ')
    build_hosted_app(settings, warm=False)
    assert not orphan.exists()
