"""The ``dash_hooks`` entry point, installed for real (a dist-info on the path): off unless the env var says 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from paths import REPO, TESTS

SCRIPT = """
import json, sys
sys.path[:0] = [{tests!r}, {live!r}]
from live_support import fixture_module, update
app = fixture_module().make_app()
client = app.server.test_client()
client.get("/")
update(client, "step1.children", {{"go.n_clicks": 1}}, ["go.n_clicks"])
response = client.get("/_dce/live/calls")
print(json.dumps({{
    "entry_loaded": "dash_callback_explorer_live" in sys.modules,
    "ours_imported": sorted(m for m in sys.modules if m.split(".")[0] in ("explorer", "analysis")),
    "rules": sorted(r.rule for r in app.server.url_map.iter_rules() if "_dce" in r.rule),
    "hooks": sorted(getattr(f, "__module__", "") for f in app.server.after_request_funcs[None]),
    "calls": response.get_json()["calls"] if response.mimetype == "application/json" else None,
}}))
"""


def run_app(tmp_path, env_value: str | None) -> dict:
    dist = tmp_path / "dash_callback_explorer_live_probe-0.0.dist-info"
    dist.mkdir(exist_ok=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: dash-callback-explorer-live-probe"
                                   "\nVersion: 0.0\n")
    (dist / "entry_points.txt").write_text(
        "[dash_hooks]\ndash_callback_explorer_live = dash_callback_explorer_live\n")
    env = {k: v for k, v in os.environ.items() if k != "DASH_CALLBACK_EXPLORER_LIVE"}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(REPO)])
    if env_value is not None:
        env["DASH_CALLBACK_EXPLORER_LIVE"] = env_value
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


def test_the_env_var_plugs_the_plugin_into_the_app(tmp_path):
    seen = run_app(tmp_path, "1")
    assert seen["rules"] == ["/_dce/live/", "/_dce/live/calls", "/_dce/live/snapshot"]
    assert [(c["output"], c["outcome"]) for c in seen["calls"]] == [("step1.children", "updated")]


def test_the_probe_keeps_the_switch_out_of_its_child():
    import dash_callback_explorer_live
    from analysis.probe.runner import LIVE_ENV_VAR, probe_environment

    assert LIVE_ENV_VAR == dash_callback_explorer_live.ENV_VAR
    assert LIVE_ENV_VAR not in probe_environment({LIVE_ENV_VAR: "1"}, (LIVE_ENV_VAR,))
