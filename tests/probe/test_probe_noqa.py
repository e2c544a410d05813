"""The probe records the project's ``# noqa`` comments, so lint honours them without files."""

from __future__ import annotations

from paths import TARGETS

from analysis.lint import lint
from analysis.probe.runner import snapshot_target

APP = TARGETS / "noqa_sites" / "app.py"


def test_probe_records_noqa_comments_with_their_lines() -> None:
    snap = snapshot_target(str(APP))
    recorded = {(c.file, c.line): c.comment for c in snap.noqa}
    assert recorded == {("app.py", 7): "# noqa: DASH072", ("app.py", 14): "# noqa: DASH001"}


def test_noqa_on_a_component_line_silences_the_finding_reported_there() -> None:
    findings = lint(snapshot_target(str(APP)))
    duplicates = [f.components for f in findings if f.code == "DASH072"]
    assert duplicates == [("load",)]  # 'save' is marked on its first component's line
    assert "DASH001" not in {f.code for f in findings}  # marked on clientside_callback(
