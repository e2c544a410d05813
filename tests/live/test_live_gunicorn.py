"""The live plugin under a real gunicorn (gthread, 2 threads), switched on by the environment variable."""

from __future__ import annotations

import subprocess
import sys

import requests

from hosted_support import free_port, stop, wait_for_http
from live_support import installed_entry_point, prop
from paths import APPS


def test_gunicorn_serves_the_routes_and_the_explorer_and_records_callbacks(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "served_app:server", "-k", "gthread", "--workers", "1",
         "--threads", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=APPS / "live", env=installed_entry_point(tmp_path, "1"), stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_http(base + "/_dce/live/calls", server)
        assert requests.get(base + "/", timeout=30).status_code == 200
        body = {"output": "step1.children", "outputs": {"id": "step1", "property": "children"},
                "inputs": [prop("go.n_clicks", 1)], "changedPropIds": ["go.n_clicks"]}
        assert requests.post(base + "/_dash-update-component", json=body,
                             timeout=30).status_code == 200
        snapshot = requests.get(base + "/_dce/live/snapshot", timeout=60).json()
        assert len(snapshot["callbacks"]) == 9
        page = requests.get(base + "/_dce/live/explorer/", timeout=120)
        assert page.status_code == 200 and "<title>Dash Callback Explorer</title>" in page.text
        layout = requests.get(base + "/_dce/live/explorer/_dash-layout", timeout=60)
        assert layout.status_code == 200 and "live_app" in layout.text
        calls = requests.get(base + "/_dce/live/calls", timeout=30).json()["calls"]
        assert [(c["output"], c["triggered"]) for c in calls] == [
            ("step1.children", ["go.n_clicks"])]
    finally:
        output = stop(server)
    assert "Traceback" not in output, output
