"""The live plugin's page and dev-tools count: evidence of the recorded calls, runtime rules under the project's settings."""

from __future__ import annotations

import importlib.util
import re
import sys

import explorer.live
from explorer.live.devtool import entry_props
from explorer.live.recorder import EXTENSION
from live_support import LIVE_APP, fixture_module, update


def page_of(client) -> str:
    return client.get("/_dce/live/").get_data(as_text=True)


def count_in(page: str, name: str) -> int:
    return int(re.search(rf'id="dce-live-{name}-count">(\d+)<', page).group(1))


def devtool_text(app) -> str:
    with app.server.test_request_context("/"):
        return entry_props(EXTENSION)["children"]


def app_in_project(tmp_path, monkeypatch, name: str, pyproject: str):
    """The fixture app copied into a project folder with that pyproject section, plugin on."""
    (tmp_path / f"{name}.py").write_text(LIVE_APP.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(f"[tool.dash-callback-explorer]\n{pyproject}")
    spec = importlib.util.spec_from_file_location(name, tmp_path / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module.make_app(plugins=[explorer.live.plugin()])


def test_the_page_shows_the_runs_evidence_and_runtime_findings():
    app = fixture_module().make_app(plugins=[explorer.live.plugin()])
    client = app.server.test_client()
    client.get("/")
    assert count_in(page_of(client), "finding") == 1 and devtool_text(app) == "Explorer: 1"
    update(client, "greeting.children", {"name.children": "world"}, [])
    update(client, "pong.children", {"loop.n_clicks": 1, "ping.children": 0}, ["loop.n_clicks"])
    assert update(client, "boomed.children", {"boom.n_clicks": 1},
                  ["boom.n_clicks"]).status_code == 500
    page = page_of(client)
    assert "&#9654; `ping` fired once for one click on loop" in page  # DASH040's evidence
    assert "RUNTIME003" in page and "`boom` failed once in 1 call: ZeroDivisionError" in page
    assert count_in(page, "finding") == 2 and count_in(page, "runtime") == 1
    assert devtool_text(app) == "Explorer: 2"


def test_the_projects_pyproject_selects_and_sets_the_runtime_rules(tmp_path, monkeypatch):
    """A copy of the fixture in a project whose pyproject ignores RUNTIME003 and lowers
    RUNTIME001's threshold: six page-load calls of ``greet`` are one page load's."""
    app = app_in_project(tmp_path, monkeypatch, "page_app",
                         'ignore = ["RUNTIME003"]\nlive-per-action = 5\n')
    client = app.server.test_client()
    client.get("/")
    for _ in range(6):
        update(client, "greeting.children", {"name.children": "world"}, [])
    update(client, "boomed.children", {"boom.n_clicks": 1}, ["boom.n_clicks"])
    page = page_of(client)
    assert "RUNTIME001" in page and "`greet` fired 6 times for one page load (more than 5)" in page
    assert "RUNTIME003" not in page and count_in(page, "runtime") == 1
    assert devtool_text(app) == "Explorer: 2"


def test_the_mounted_explorer_lints_with_the_projects_settings_as_the_page_does(tmp_path,
                                                                                 monkeypatch):
    """The explorer on ``_dce/live/explorer/`` shows the same findings as the page and the
    dev-tools count: its one project reads the app's pyproject (here: DASH040 ignored)."""
    from analysis.lint import lint
    from explorer.live.embed import LiveProject

    app = app_in_project(tmp_path, monkeypatch, "quiet_app",
                         'ignore = ["DASH040"]\nlive-per-action = 5\n')
    app.server.test_client().get("/")
    plugin = app.server.extensions[EXTENSION]
    project = LiveProject(name="quiet_app", source=lambda: plugin.built()[0])
    settings = project.settings()
    assert lint(project.analyse(), settings) == [] and settings.thresholds.per_action == 5
    assert devtool_text(app) == "Explorer: 0"
