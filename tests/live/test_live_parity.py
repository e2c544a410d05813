"""Live snapshots read clientside callbacks and initial calls back as the probe sees them."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import explorer.live
from analysis.lint import lint
from analysis.probe.runner import snapshot_target
from analysis.settings import LintSettings
from analysis.snapshot import Snapshot
from paths import APPS, REPO
from venvs import make_venv, purelib

CLIENTSIDE_APP = APPS / "live" / "clientside_app.py"


def live_of(path, module_name: str) -> Snapshot:
    """The fixture's ``make_app()`` with the plugin, one request, then its live snapshot."""
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # as an import does: the live snapshot finds it there
    spec.loader.exec_module(module)
    app = module.make_app(plugins=[explorer.live.plugin()])
    client = app.server.test_client()
    client.get("/_dash-dependencies")
    return Snapshot.from_json(client.get("/_dce/live/snapshot").get_data())


def own(snapshot: Snapshot) -> dict[str, tuple]:
    """The app's own callbacks (Dash's left out) by function, with their wiring."""
    return {cb.function: (cb.kind, cb.output_key, tuple(
        tuple(sorted((json.dumps(d.id, sort_keys=True), d.property) for d in getattr(cb, kind)))
        for kind in ("outputs", "inputs", "states")))
        for cb in snapshot.callbacks if not cb.internal}


def test_clientside_callbacks_are_the_apps_own_live_and_take_part_in_findings():
    """A live snapshot has no call site for a clientside callback; it read that as "Dash
    registered it" (internal), so on real apps (adoh-dps-simulator: 15 of 40, rv-eeg: 10 of
    58) clientside callbacks vanished from the live explorer and from every rule: here a loop
    through one (DASH040) and an Output it shares with a server callback (DASH001)."""
    live = live_of(CLIENTSIDE_APP, "clientside_app")
    probed = snapshot_target(str(CLIENTSIDE_APP))
    assert own(live) == own(probed)
    assert sorted(kind for kind, *_ in own(live).values()) == ["clientside", "clientside",
                                                                "server", "server"]
    codes = sorted((f.code, f.functions) for f in lint(live))
    assert codes == sorted((f.code, f.functions) for f in lint(probed))
    assert [code for code, _ in codes] == ["DASH001", "DASH040"]


#: Run in a child process (a hook is global to a process): the app with the plugin, one
#: request, then its live snapshot as JSON.
HOOKED_LIVE = """
import runpy, sys
import explorer.live
app = runpy.run_path({app!r}, run_name="hooked_app")["app"]
explorer.live.plugin().plug(app)
client = app.server.test_client()
client.get("/_dash-dependencies")
sys.stdout.write(client.get("/_dce/live/snapshot").get_data(as_text=True))
"""


def test_a_plugins_clientside_callback_stays_dashs_own_live():
    """Told apart from the app's by the hooks' list (the probe places it in Dash's code)."""
    app = APPS / "live" / "hooked_app.py"
    done = subprocess.run([sys.executable, "-c", HOOKED_LIVE.format(app=str(app))],
                          cwd=app.parent, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr[-2000:]
    live = Snapshot.from_json(done.stdout.encode())
    probed = snapshot_target(str(app))
    assert own(live) == own(probed)
    assert [cb.output_key for cb in live.callbacks if cb.internal] == ["hooked.children"]
    assert list(own(live).values())[0][1] == "out.children"


#: An installed package that registers a clientside callback at import, on ids its own
#: component puts in the page (dash-bootstrap-templates' ThemeSwitchAIO does; mpa-theme-switch).
THEME_PACKAGE = """
from dash import Input, Output, clientside_callback

clientside_callback("function(value) { return value; }",
                    Output("theme-switch-store", "data"), Input("theme-switch", "value"))
"""

THEME_APP = """
import themepkg
from dash import Dash, Input, Output, html

app = Dash(__name__)
app.layout = html.Div([html.Button(id="go"), html.Div(id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"))
def show(clicks):
    return clicks
"""


def test_a_clientside_callback_of_unknown_origin_never_makes_a_finding_alone(tmp_path):
    """Live, nothing tells an installed package's clientside callback from the app's (Dash
    keeps no call site): the lint hides findings about libraries' callbacks alone, so the
    live page reported three DASH070 on mpa-theme-switch that the lint does not. A finding
    that only such callbacks make stays silent; one that involves the app's code stays."""
    # an installed package: a real venv's site-packages (the user site, which an earlier
    # version used, is off inside a virtualenv, as in CI), the tests' packages through a .pth
    python = make_venv(tmp_path / "venv")
    (purelib(python) / "themepkg.py").write_text(THEME_PACKAGE)
    project = tmp_path / "project"
    project.mkdir()
    (project / "app.py").write_text(THEME_APP)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    script = HOOKED_LIVE.format(app=str(project / "app.py")).replace("hooked_app", "app")
    done = subprocess.run([str(python), "-c", script], cwd=project, capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    live = Snapshot.from_json(done.stdout.encode())
    probed = snapshot_target(str(project / "app.py"), python=str(python), env=env)
    assert [cb.library for cb in probed.callbacks if cb.kind == "clientside"] == [True]
    assert [f.code for f in lint(probed)] == [f.code for f in lint(live)] == []
    assert [f.code for f in lint(probed, LintSettings(select=("DASH010",)))] == \
        [f.code for f in lint(live, LintSettings(select=("DASH010",)))] == ["DASH010"]


def test_an_initial_call_the_app_prevents_but_the_callback_asks_for_runs_on_load_live():
    """Dash keeps only the resolved flag: read as "not given", an explicit
    prevent_initial_call=False fell back to the app's prevent_initial_callbacks=True, and
    the live page missed the DASH011 (the page shows "Clicked None times") the lint gives."""
    path = APPS / "live" / "prevent_app.py"
    live = live_of(path, "prevent_app")
    probed = snapshot_target(str(path))
    codes = [(f.code, f.functions) for f in lint(live)]
    assert codes == [(f.code, f.functions) for f in lint(probed)]
    assert [code for code, _ in codes] == ["DASH011"]


def test_an_inline_clientside_function_is_placed_where_the_project_wrote_it():
    """Dash names inline code by its SHA-256: the project's string constant with that hash
    gives the call site back (its findings, noqa and library/app status as the lint's; on
    dmc-docs a DASH071 of its own inline callback was silent live without it). A function of
    the app's assets (ClientsideFunction) has no such trace and stays unknown."""
    live = live_of(CLIENTSIDE_APP, "clientside_app")
    probed = snapshot_target(str(CLIENTSIDE_APP))

    def places(snapshot: Snapshot) -> dict[str, tuple]:
        return {cb.function: (cb.file, cb.line, cb.library) for cb in snapshot.callbacks
                if cb.kind == "clientside" and not cb.internal}

    inline = next(f for f in places(probed) if f.startswith("clientside:inline."))
    assert places(live)[inline] == places(probed)[inline] == ("clientside_app.py", 25, False)
    assert places(live)["clientside:fixture.copy"] == (None, None, False)
