"""DASH080 running-target-missing on the bad fixture app and on hand-made layouts."""

from __future__ import annotations

from analysis.snapshot import AppInfo, Dependency
from snapshot_factory import (
    BAD_APP, COMPONENTS, functions_per_finding, probed, reported_names, server,
    snapshot_with_layout,
)

def test_bad_app_names_exactly_the_broken_callbacks() -> None:
    assert functions_per_finding(probed(BAD_APP), "DASH080") == [("run_job",)]


def test_running_targets_must_exist() -> None:
    running = (Dependency("run", "disabled"), Dependency("spinner", "style"))
    callback = server(0, "def job(n):\n    return n", ["run.n_clicks"], outputs=("chart.figure",),
                      running=running)
    present = [*COMPONENTS, ("run", "dash_html_components.Div")]
    assert reported_names("DASH080", snapshot_with_layout(callback, components=present)) == ["job"]
    with_spinner = [*present, ("spinner", "dash_html_components.Div")]
    assert reported_names("DASH080", snapshot_with_layout(callback, components=with_spinner)) == []
    suppressed = AppInfo("app:app", primary=True, suppress_callback_exceptions=True)
    suppressed_snap = snapshot_with_layout(callback, components=present, app=suppressed)
    assert reported_names("DASH080", suppressed_snap) == []
