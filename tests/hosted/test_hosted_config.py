"""The projects TOML: valid files load, every kind of mistake is a ConfigError naming it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis.errors import ConfigError
from analysis.snapshot import load_snapshot
from explorer.hosted.projects_file import is_project_name, load_projects
from hosted_support import CLEAN_APP, write_projects


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "projects.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_projects_load_with_targets_resolved_against_the_file(tmp_path):
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "app.py").write_text("import dash\n")
    path = write(tmp_path, '[[projects]]\nname = "shop"\ntarget = "shop/app.py"\ntimeout = 5\n\n'
                           '[[projects]]\nname = "pkg_app"\ntarget = "pkg.module:app"\n')
    shop, module = load_projects(path)
    assert (shop.name, shop.target, shop.timeout) == (
        "shop", str(tmp_path / "shop" / "app.py"), 5.0)
    assert (module.name, module.target, module.timeout) == ("pkg_app", "pkg.module:app", 60.0)


def test_python_interpreter_must_be_executable(tmp_path):
    path = write(tmp_path, f'[[projects]]\nname = "a"\ntarget = "{CLEAN_APP}"\n'
                           f'python = "missing/bin/python"\n')
    with pytest.raises(ConfigError, match="python"):
        load_projects(path)
    interpreter = tmp_path / "python"
    interpreter.write_text("#!/bin/sh\n")
    os.chmod(interpreter, 0o755)
    path = write(tmp_path,
                 f'[[projects]]\nname = "a"\ntarget = "{CLEAN_APP}"\npython = "python"\n')
    assert load_projects(path)[0].python == str(interpreter)


@pytest.mark.parametrize("entry, problem", [
    ('name = "../etc"\ntarget = "{app}"', "name"),
    ('name = "a/b"\ntarget = "{app}"', "name"),
    ('name = ".."\ntarget = "{app}"', "name"),
    ('name = ""\ntarget = "{app}"', "name"),
    ('name = "a"', "target"),
    ('name = "a"\ntarget = "nowhere/app.py"', "does not exist"),
    ('name = "a"\ntarget = "{app}"\ntimeout = -1', "timeout"),
    ('name = "a"\ntarget = "{app}"\ntimeout = "60"', "timeout"),
    ('name = "a"\ntarget = "{app}"\ntargte = "x"', "unknown key"),
])
def test_bad_entries_are_refused_with_the_problem_named(tmp_path, entry, problem):
    path = write(tmp_path, "[[projects]]\n" + entry.format(app=CLEAN_APP) + "\n")
    with pytest.raises(ConfigError, match=problem):
        load_projects(path)


@pytest.mark.parametrize("text, problem", [
    ("", "no projects"),
    ("projects = 3", "no projects"),
    ("[[projects]\n", "TOML"),
    ('[server]\nport = 1\n[[projects]]\nname = "a"\ntarget = "x"\n', "unknown top-level"),
])
def test_bad_files_are_refused(tmp_path, text, problem):
    with pytest.raises(ConfigError, match=problem):
        load_projects(write(tmp_path, text))


def test_duplicate_names_and_missing_file(tmp_path):
    path = write(tmp_path, f'[[projects]]\nname = "a"\ntarget = "{CLEAN_APP}"\n'
                           f'[[projects]]\nname = "a"\ntarget = "{CLEAN_APP}"\n')
    with pytest.raises(ConfigError, match="twice"):
        load_projects(path)
    with pytest.raises(ConfigError, match="cannot read"):
        load_projects(tmp_path / "absent.toml")


def test_support_writer_makes_a_loadable_file(tmp_path):
    assert [p.name for p in load_projects(write_projects(tmp_path))] == ["clean"]


@pytest.mark.parametrize("name, ok", [
    ("shop", True), ("Shop_2-x", True), ("a" * 64, True), ("a" * 65, False), ("-a", False),
    ("a.b", False), ("a b", False), ("a\n", False), ("é", False), (None, False), (3, False),
])
def test_project_names_are_slugs(name, ok):
    assert is_project_name(name) is ok


def test_hosted_settings_come_from_the_environment(tmp_path):
    from explorer.hosted.server import HostedSettings

    settings = HostedSettings.from_env({
        "DCE_CONFIG": "p.toml", "DCE_DATA_DIR": str(tmp_path), "DCE_API_TOKEN": "t",
        "DCE_BASIC_AUTH": "u:p", "DCE_REDIS_URL": "redis://h:1/0", "DCE_MAX_UPLOAD_MB": "2",
        "DCE_HISTORY_KEEP": "7"})
    assert settings == HostedSettings(config=Path("p.toml"), data_dir=tmp_path, api_token="t",
                                      basic_auth=("u", "p"), redis_url="redis://h:1/0",
                                      max_upload_bytes=2 * 1024 * 1024, history_keep=7)
    defaults = HostedSettings.from_env({"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)})
    assert defaults.config is None and defaults.api_token is None and defaults.basic_auth is None
    assert defaults.data_dir == tmp_path / "dash-callback-explorer"


@pytest.mark.parametrize("env, variable", [
    ({"DCE_BASIC_AUTH": "nopassword"}, "DCE_BASIC_AUTH"),
    ({"DCE_BASIC_AUTH": ":p"}, "DCE_BASIC_AUTH"),
    ({"DCE_MAX_UPLOAD_MB": "-3"}, "DCE_MAX_UPLOAD_MB"),
    ({"DCE_HISTORY_KEEP": "many"}, "DCE_HISTORY_KEEP"),
])
def test_bad_hosted_settings_name_the_variable(env, variable):
    from explorer.hosted.server import HostedSettings

    with pytest.raises(ConfigError, match=variable):
        HostedSettings.from_env(env)


def test_a_redis_url_must_be_one():
    from explorer.background import celery_app

    with pytest.raises(ConfigError, match="DCE_REDIS_URL"):
        celery_app("http://localhost:6379")


@pytest.mark.parametrize("argv, env", [
    (["app.py", "--config", "absent.toml"], {}),
    (["app.py", "--config", "absent.toml", "examples/clean_app.py"], {}),
    (["-c", "import app"], {"DCE_CONFIG": "absent.toml"}),  # what gunicorn app:server does
])
def test_a_bad_projects_file_stops_the_server_with_one_line(argv, env):
    import subprocess
    import sys

    from hosted_support import REPO

    run = subprocess.run([sys.executable, *argv], cwd=REPO, capture_output=True, text=True,
                         timeout=120, env={**os.environ, **env})
    assert run.returncode == 2
    assert run.stderr.startswith("error: ") and run.stderr.count("\n") == 1, run.stderr


def test_the_hosted_explorer_lints_clean(tmp_path):
    """What gunicorn serves with DCE_CONFIG (uploads callback included) follows every rule."""
    import json
    import subprocess
    import sys

    from hosted_support import REPO, hosted_env

    env = hosted_env(write_projects(tmp_path), tmp_path / "data")
    saved = tmp_path / "explorer.json"
    run = subprocess.run([sys.executable, "-m", "analysis", "app.py", "--format", "json",
                          "--save-snapshot", str(saved)],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    report = json.loads(run.stdout)
    assert [f["code"] for f in report["findings"]] == [], report["findings"]
    assert run.returncode == 0
    names = {callback.name for callback in load_snapshot(saved).callbacks}
    assert "upload_snapshot" in names  # the hosted app was the one analysed


def test_async_views_share_a_thread_loop_but_nothing_runs_on_into_the_next_request():
    """One event loop per worker thread (cheaper than one per request), yet a task a request
    leaves behind is cancelled when it ends, as ``asyncio.run`` would."""
    import asyncio

    from flask import Flask

    from explorer.hosted.server import run_coroutines_in_request_thread

    server = Flask(__name__)
    run_coroutines_in_request_thread(server)
    seen: dict[str, object] = {}

    @server.route("/work")
    async def work():
        seen.setdefault("loops", set()).add(id(asyncio.get_running_loop()))
        leftover = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        seen["leftover"] = len(leftover)
        asyncio.get_running_loop().create_task(asyncio.sleep(3600))  # fire and forget
        return "done"

    client = server.test_client()
    for _ in range(3):
        assert client.get("/work").get_data(as_text=True) == "done"
        assert seen["leftover"] == 0
    assert len(seen["loops"]) == 1
