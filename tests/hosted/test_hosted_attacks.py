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
