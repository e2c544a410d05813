"""DASH033 one-character-index: on by default, where DASH032's hand parse is opt-in."""

from __future__ import annotations

from analysis.lint import LintSettings, lint
from snapshot_factory import ALL, lint_codes, server, snapshot

ONE_DIGIT = """
def remove(clicks):
    index = ctx.triggered[0]['prop_id'].split(',')[0][-1]
    return f"row {index} removed"
"""
WHOLE_ID = """
def remove(clicks):
    which = ctx.triggered[0]['prop_id'].split('.')[0]
    return f"{which} removed"
"""


def rows(source: str):
    return snapshot(server(0, source, inputs=[({"type": "row", "index": ALL}, "n_clicks")]))


def test_dash033_reports_an_index_kept_as_one_character():
    (finding,) = lint_codes(rows(ONE_DIGIT), "DASH033")
    assert "right for indices 0-9 only, from 10 on it reads the last digit (10 as 0)" \
        in finding.message and finding.message.endswith("use ctx.triggered_id['index']")
    assert lint_codes(rows(ONE_DIGIT), "DASH032") == []  # one finding, not two


def test_dash033_leaves_other_hand_parses_to_dash032():
    assert lint_codes(rows(WHOLE_ID), "DASH033") == []
    assert [f.code for f in lint_codes(rows(WHOLE_ID), "DASH032")] == ["DASH032"]


def test_by_default_the_bug_is_reported_and_the_style_is_not():
    def codes(source: str) -> set[str]:
        return {f.code for f in lint(rows(source), LintSettings())} & {"DASH032", "DASH033"}

    assert codes(ONE_DIGIT) == {"DASH033"}
    assert codes(WHOLE_ID) == set()
