"""The live snapshot (built in the app's process) says what the probe says of the same app file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import explorer.live
from analysis.lint import lint
from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from live_support import LIVE_APP, fixture_module
from paths import REPO


def wiring(snapshot: Snapshot) -> list[tuple]:
    return sorted((cb.function.rsplit(".", 1)[-1], cb.output_key, cb.line,
                   tuple(str(i) for i in cb.inputs), cb.prevent_initial_call_effective)
                  for cb in snapshot.callbacks)


def test_the_live_snapshot_matches_the_probes_callbacks_and_findings():
    app = fixture_module().make_app(plugins=[explorer.live.plugin()])
    client = app.server.test_client()
    client.get("/")
    live = Snapshot.from_json(client.get("/_dce/live/snapshot").get_data())
    probed = snapshot_target(str(LIVE_APP))
    assert wiring(live) == wiring(probed) and len(live.callbacks) == 9
    assert [f.code for f in lint(live)] == [f.code for f in lint(probed)] == ["DASH040"]
    page = client.get("/_dce/live/").get_data(as_text=True)
    assert '<b id="dce-live-finding-count">1</b>' in page and "DASH040" in page


#: Run in a child process (the demo registers Pages, which are global to a process): the demo
#: app with the plugin, one request so the server is set up, then its live snapshot as JSON.
DEMO_LIVE = """
import runpy, sys
import explorer.live
sys.path.insert(0, {root!r})
namespace = runpy.run_path({app!r}, run_name="demo")
app = namespace["app"]
explorer.live.plugin().plug(app)
client = app.server.test_client()
client.get("/")
sys.stdout.write(client.get("/_dce/live/snapshot").get_data(as_text=True))
"""


def dependencies(snapshot: Snapshot) -> dict[str, tuple]:
    """Each callback's dependencies of every kind, ids as the rules compare them (clientside
    ones too: the demo's is the app's own, Pages' title callback is Dash's)."""
    return {cb.function.rsplit(".", 1)[-1]: tuple(
        tuple(sorted((json.dumps(d.id, sort_keys=True), d.property) for d in getattr(cb, kind)))
        for kind in ("outputs", "inputs", "states", "progress", "cancel", "running"))
        for cb in snapshot.callbacks if not cb.internal}


def test_pattern_ids_and_background_options_read_back_from_dash_as_the_probe_sees_them():
    """Dash keeps a State's dict id stringified and a background callback's progress/cancel/
    running only in its own tables: read naively, the demo's live page showed five DASH070
    (ids 'no layout contains') and a DASH090 (progress's extra argument) the lint does not."""
    demo = REPO / "examples" / "demo"
    script = DEMO_LIVE.format(root=str(REPO), app=str(demo / "app.py"))
    done = subprocess.run([sys.executable, "-c", script], cwd=demo, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr[-2000:]
    live = Snapshot.from_json(done.stdout.encode())
    probed = snapshot_target(str(demo / "app.py"))
    assert dependencies(live) == dependencies(probed)
    assert dependencies(live)["build_report"][3:] != ((), (), ())  # progress, cancel, running
    codes = sorted((f.code, f.functions) for f in lint(live))
    assert codes == sorted((f.code, f.functions) for f in lint(probed))
