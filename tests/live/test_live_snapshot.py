"""The live snapshot (built in the app's process) says what the probe says of the same app file."""

from __future__ import annotations

import explorer.live
from analysis.lint import lint
from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from live_support import LIVE_APP, fixture_module


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
