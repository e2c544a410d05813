"""The explorer the live plugin mounts in the app: its route, prefixes, Dash's globals, a missing package."""

from __future__ import annotations

import contextvars
import json
import os
import subprocess
import sys

import dash
from dash import Dash, Input, Output, html

import explorer.live
from live_support import fixture_module, update
from paths import REPO, TESTS
from venvs import make_venv

EXPLORER_TITLE = "<title>Dash Callback Explorer</title>"


def test_the_explorer_answers_below_the_apps_prefix_and_records_nothing_of_its_own():
    app = fixture_module().make_app(plugins=[explorer.live.plugin()], url_base_pathname="/app/")
    client = app.server.test_client()
    moved = client.get("/app/_dce/live/explorer")
    assert (moved.status_code, moved.headers["Location"]) == (308, "explorer/")  # relative
    index = client.get("/app/_dce/live/explorer/").get_data(as_text=True)
    assert EXPLORER_TITLE in index
    config = index.replace("\\u002f", "/")  # Dash escapes the slashes of its page config
    assert '"requests_pathname_prefix":"/app/_dce/live/explorer/"' in config
    layout = client.get("/app/_dce/live/explorer/_dash-layout")
    assert layout.status_code == 200 and "live_app" in layout.get_data(as_text=True)
    deps = client.get("/app/_dce/live/explorer/_dash-dependencies").get_json()
    assert "live-style.data" in json.dumps(deps)  # the explorer's own callbacks ...
    assert client.get("/app/_dce/live/calls").get_json()["calls"] == []  # ... never recorded
    # creating the explorer left the process's current app alone; read in a fresh context,
    # since any Dash request an earlier test served in this thread sets dash's context var
    fresh = contextvars.Context()
    assert fresh.run(dash.get_app) is app
    assert fresh.run(dash.get_relative_path, "/x") == "/app/x"
    # the app itself still serves and records
    assert "greeting.children" in json.dumps(client.get("/app/_dash-dependencies").get_json())
    page = client.get("/app/_dce/live/").get_data(as_text=True)
    assert 'id="dce-live-explorer-link"\nhref="/app/_dce/live/explorer/"' in page


def test_behind_a_proxy_the_explorers_page_asks_for_its_files_below_the_proxys_prefix():
    # the proxy strips /proxy/: this server sees /..., the browser asks for /proxy/...
    app = fixture_module().make_app(plugins=[explorer.live.plugin()],
                                    routes_pathname_prefix="/", requests_pathname_prefix="/proxy/")
    client = app.server.test_client()
    index = client.get("/_dce/live/explorer/").get_data(as_text=True).replace("\\u002f", "/")
    assert '"requests_pathname_prefix":"/proxy/_dce/live/explorer/"' in index
    assert 'src="/proxy/_dce/live/explorer/_dash-component-suites/' in index
    assert client.get("/_dce/live/explorer/_dash-layout").status_code == 200
    page = client.get("/_dce/live/").get_data(as_text=True)
    assert 'href="/proxy/_dce/live/explorer/"' in page


def test_the_explorer_opened_first_leaves_dash_callback_registrations_to_their_apps():
    # `dash.callback`s wait in a process-wide list until the first app's server setup takes
    # them: the explorer, built by the first request here, must never be that app.
    app = Dash("global_app", plugins=[explorer.live.plugin()])
    app.layout = html.Div([html.Div("x", id="src"), html.Div(id="dst")])

    @dash.callback(Output("dst", "children"), Input("src", "children"))
    def copy(text):
        return text

    client = app.server.test_client()
    ours = client.get("/_dce/live/explorer/_dash-dependencies").get_json()
    assert "dst.children" not in json.dumps(ours)
    assert [c["output"] for c in client.get("/_dash-dependencies").get_json()] == ["dst.children"]
    snapshot = client.get("/_dce/live/snapshot").get_json()
    assert [c["function"].rsplit(".", 1)[-1] for c in snapshot["callbacks"]] == ["copy"]



def test_building_the_explorer_leaves_another_apps_pending_dash_callbacks_to_it():
    first = fixture_module().make_app(plugins=[explorer.live.plugin()])
    first_client = first.server.test_client()
    first_client.get("/")  # set up: the process's pending `dash.callback`s are taken now
    other = Dash("other_app")
    other.layout = html.Div([html.Div("y", id="src2"), html.Div(id="dst2")])

    @dash.callback(Output("dst2", "children"), Input("src2", "children"))
    def copy2(text):
        return text

    assert first_client.get("/_dce/live/explorer/").status_code == 200  # built now
    assert "dst2" not in json.dumps(first_client.get("/_dce/live/explorer/_dash-dependencies")
                                    .get_json())
    assert [c["output"] for c in other.server.test_client().get("/_dash-dependencies")
            .get_json()] == ["dst2.children"]


def test_the_apps_requests_are_recorded_while_the_explorer_is_open():
    app = fixture_module().make_app(plugins=[explorer.live.plugin()])
    client = app.server.test_client()
    client.get("/_dce/live/explorer/")
    update(client, "step1.children", {"go.n_clicks": 1}, ["go.n_clicks"])
    calls = client.get("/_dce/live/calls").get_json()["calls"]
    assert [c["output"] for c in calls] == ["step1.children"]


MISSING_SCRIPT = """
import json, sys
sys.path[:0] = [{tests!r}, {live!r}]
import explorer.live
from live_support import fixture_module
app = fixture_module().make_app(plugins=[explorer.live.plugin()])
client = app.server.test_client()
route = client.get("/_dce/live/explorer/")
page = client.get("/_dce/live/")
print(json.dumps({{"status": route.status_code, "body": route.get_data(as_text=True),
                  "page": page.status_code, "cytoscape": "dash_cytoscape" in sys.modules}}))
"""


def test_without_dash_cytoscape_the_route_says_what_to_install_and_the_page_still_works(tmp_path):
    # A real environment without dash-cytoscape: a virtualenv seeing every package of this
    # one but that (links to each entry of site-packages, minus dash_cytoscape's).
    farm = tmp_path / "packages"
    farm.mkdir()
    for site in (p for p in sys.path if p.endswith("site-packages") and os.path.isdir(p)):
        for entry in os.listdir(site):
            if not entry.lower().startswith("dash_cytoscape") and not (farm / entry).exists():
                (farm / entry).symlink_to(os.path.join(site, entry))
    python = make_venv(tmp_path / "venv", outer_packages=False)
    site_dir = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                               "['purelib'])"], check=True, capture_output=True,
                              text=True).stdout.strip()
    with open(os.path.join(site_dir, "farm.pth"), "w") as pth:
        pth.write(f"import site; site.addsitedir({str(farm)!r})\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DASH_CALLBACK_EXPLORER_LIVE",
                                                           "PYTHONPATH")}
    env["PYTHONPATH"] = str(REPO)
    out = subprocess.run([str(python), "-c", MISSING_SCRIPT.format(
        tests=str(TESTS), live=str(TESTS / "live"))], env=env, capture_output=True, text=True,
        timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["status"] == 501 and not seen["cytoscape"]
    assert seen["body"].count("\n") == 1  # one line
    assert seen["body"].startswith("the live explorer needs dash-cytoscape in this app's "
                                   "environment")
    assert ": pip install dash-cytoscape;" in seen["body"]
    assert "/_dce/live/ works without it" in seen["body"]
    assert seen["page"] == 200
