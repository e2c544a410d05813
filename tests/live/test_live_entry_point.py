"""The ``dash_hooks`` entry point, installed for real (a dist-info on the path): off unless the env var says 1."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from live_support import installed_entry_point
from paths import TESTS

SCRIPT = """
import json, sys
sys.path[:0] = [{tests!r}, {live!r}]
from live_support import fixture_module, update
app = fixture_module().make_app()
client = app.server.test_client()
client.get("/")
update(client, "step1.children", {{"go.n_clicks": 1}}, ["go.n_clicks"])
explorer = client.get("/_dce/live/explorer/")
explorer_layout = client.get("/_dce/live/explorer/_dash-layout")
app_page = client.get("/").get_data(as_text=True)
response = client.get("/_dce/live/calls")
print(json.dumps({{
    "explorer": [explorer.status_code, "<title>Dash Callback Explorer</title>" in
                 explorer.get_data(as_text=True), explorer_layout.mimetype],
    "wsgi": type(app.server.wsgi_app).__name__,
    # Dash runs the env var's setup hook for the explorer's own app too: it must not plug in
    "explorer_rules": sorted(
        r.rule for r in app.server.wsgi_app.explorer().url_map.iter_rules() if "_dce" in r.rule)
        if hasattr(app.server.wsgi_app, "explorer") else None,
    "page_libraries": sorted(n for n in ("dash_cytoscape", "dash_bootstrap_components")
                             if f'src="/_dash-component-suites/{{n}}/' in app_page),
    "entry_loaded": "dash_callback_explorer_live" in sys.modules,
    "ours_imported": sorted(m for m in sys.modules if m.split(".")[0] in ("explorer", "analysis")),
    "rules": sorted(r.rule for r in app.server.url_map.iter_rules() if "_dce" in r.rule),
    "hooks": sorted(getattr(f, "__module__", "") for f in app.server.after_request_funcs[None]),
    "calls": response.get_json()["calls"] if response.mimetype == "application/json" else None,
}}))
"""


def run_app(tmp_path, env_value: str | None) -> dict:
    env = installed_entry_point(tmp_path, env_value)
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(tests=str(TESTS), live=str(TESTS / "live"))], env=env,
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("value", [None, "0", "true"])
def test_installed_but_not_asked_for_it_adds_nothing(tmp_path, value):
    seen = run_app(tmp_path, value)
    assert seen["entry_loaded"]  # Dash did load the entry point ...
    assert seen["ours_imported"] == []  # ... which imported nothing of ours (none to shadow)
    assert seen["rules"] == [] and seen["calls"] is None  # ... which added no route
    assert not [m for m in seen["hooks"] if m.startswith("explorer")]  # and no hook
    # no explorer either: the app's own catch-all page answers that path, unwrapped
    assert seen["wsgi"] == "method" and seen["explorer"] == [200, False, "text/html"]


def test_the_env_var_plugs_the_plugin_into_the_app(tmp_path):
    seen = run_app(tmp_path, "1")
    assert seen["rules"] == ["/_dce/live/", "/_dce/live/calls", "/_dce/live/snapshot"]
    assert [(c["output"], c["outcome"]) for c in seen["calls"]] == [("step1.children", "updated")]
    # the explorer on this app, whose own requests are not recorded (the calls above)
    assert seen["wsgi"] == "ExplorerMount" and seen["explorer_rules"] == []
    assert seen["explorer"] == [200, True, "application/json"]
    assert seen["page_libraries"] == []  # the app's page loads none of the explorer's bundles


def test_the_probe_keeps_the_switch_out_of_its_child():
    import dash_callback_explorer_live
    from analysis.probe.runner import LIVE_ENV_VAR, probe_environment

    assert LIVE_ENV_VAR == dash_callback_explorer_live.ENV_VAR
    assert LIVE_ENV_VAR not in probe_environment({LIVE_ENV_VAR: "1"}, (LIVE_ENV_VAR,))
