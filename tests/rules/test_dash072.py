"""DASH072 duplicate-component-id on the bad fixture app and on hand-made page layouts."""

from __future__ import annotations

from analysis.lint import LintSettings, lint
from analysis.snapshot import Layout
from snapshot_factory import (
    BAD_APP, functions_per_finding, probed, rule_findings, server, snapshot_with_layout,
)


def test_bad_app_names_exactly_the_broken_callbacks() -> None:
    assert functions_per_finding(probed(BAD_APP), "DASH072") == [()]


def test_duplicate_id_finding_names_the_id() -> None:
    (finding,) = lint(probed(BAD_APP), LintSettings(select=("DASH072",)))
    assert finding.components == ("save",)


def test_duplicate_ids_per_layout_name_their_callbacks() -> None:
    layouts = (Layout("app", "app:app"), Layout("pages.a", "app:app", duplicate_ids=("save",)))
    user = server(0, "def saver(n):\n    return n", ["save.n_clicks"])
    (finding,) = rule_findings("DASH072", snapshot_with_layout(user, layouts=layouts))
    assert finding.functions == ("app.saver",) and finding.components == ("save",)
