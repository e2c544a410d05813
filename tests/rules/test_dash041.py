"""DASH041 self-loop-without-trigger on the runtime fixture apps."""

from __future__ import annotations

from snapshot_factory import flagged, probed_findings


def test_dash041_sync_pattern_without_trigger():
    assert flagged(probed_findings("runtime/events_app.py"), "DASH041") == {"sync_without_trigger"}
