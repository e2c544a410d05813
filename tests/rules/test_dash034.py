"""DASH034 first-clicked-not-triggered: the first set count of an ALL Input taken as the click."""

from __future__ import annotations

import pytest

from analysis.lint import LintSettings, lint
from snapshot_factory import ALL, lint_codes, probed_findings, server, snapshot

MARKERS = ({"type": "marker", "index": ALL}, "n_clicks")

#: Shapes that take the first set count as the one clicked, after a test that one fired.
PICKS_THE_FIRST = {
    "substring test, then a for loop that breaks (sg-analytics)": """
def show(clicks, search):
    trigger = ctx.triggered[0]["prop_id"]
    if "marker" in trigger:
        chosen = None
        for i, n in enumerate(clicks):
            if n and n > 0:
                chosen = i
                break
        return f"marker {chosen}"
""",
    "any(), then next() over enumerate": """
def show(clicks, search):
    if not any(clicks):
        raise PreventUpdate
    chosen = next(i for i, n in enumerate(clicks) if n)
    return f"marker {chosen}"
""",
    "startswith, then a list comprehension's [0]": """
def show(clicks, search):
    if ctx.triggered[0]["prop_id"].startswith("{"):
        return f"marker {[i for i, n in enumerate(clicks) if n is not None][0]}"
""",
    "triggered_id compared, then range(len()) returning the first": """
def show(clicks, search):
    if ctx.triggered_id != "search":
        for i in range(len(clicks)):
            if clicks[i]:
                return f"marker {i}"
""",
    "an alias, then zip with the ids": """
def show(clicks, search):
    counts = clicks or []
    if callback_context.triggered and any(counts):
        for marker_id, n in zip(IDS, counts):
            if n >= 1:
                return f"marker {marker_id}"
""",
}

#: Shapes that must stay silent: DASH032's debatable ones (round 3-5) and exact recoveries.
STAYS_SILENT = {
    "plain-id split('.')[0] (pattern 16)": """
def show(clicks, search):
    button = ctx.triggered[0]["prop_id"].split(".")[0]
    return f"{button} clicked"
""",
    "startswith over plain ids (feffery AntdSteps, virus-sim)": """
def show(clicks, search):
    if ctx.triggered[0]["prop_id"].startswith("search"):
        return "search"
    return "marker"
""",
    "index from json.loads (af-xray)": """
def show(clicks, search):
    if not any(clicks):
        raise PreventUpdate
    chosen = next(i for i, n in enumerate(clicks) if n)
    index = json.loads(ctx.triggered[0]["prop_id"].split(".")[0])["index"]
    return f"marker {index}"
""",
    "first set count as a guard, the index from triggered_id": """
def show(clicks, search):
    first = next((i for i, n in enumerate(clicks) if n), None)
    if first is None:
        raise PreventUpdate
    return f"marker {ctx.triggered_id['index']}"
""",
    "the first set count without any sign of 'the one that fired'": """
def show(clicks, search):
    chosen = next(i for i, n in enumerate(clicks) if n)
    return f"first marker ever clicked: {chosen}"
""",
    "the most clicked, not the first": """
def show(clicks, search):
    if any(clicks):
        return f"marker {max(range(len(clicks)), key=lambda i: clicks[i] or 0)}"
""",
    "a loop that asks more than 'is it set'": """
def show(clicks, search):
    for i, n in enumerate(clicks):
        if n and IDS[i] == ctx.triggered_id:
            return f"marker {i}"
""",
    "any() over the counts, nothing picked": """
def show(clicks, search):
    if "marker" in ctx.triggered[0]["prop_id"]:
        for n in clicks:
            if n:
                return "some marker"
""",
}


def markers(source: str, **fields):
    return snapshot(server(0, source, inputs=[MARKERS, "search.n_clicks"], **fields))


@pytest.mark.parametrize("source", PICKS_THE_FIRST.values(), ids=PICKS_THE_FIRST.keys())
def test_dash034_reports_the_first_set_count_taken_as_the_click(source):
    (finding,) = lint_codes(markers(source), "DASH034")
    assert "takes the first `marker` whose n_clicks is set" in finding.message
    assert finding.message.endswith("use ctx.triggered_id['index']")


@pytest.mark.parametrize("source", STAYS_SILENT.values(), ids=STAYS_SILENT.keys())
def test_dash034_stays_silent(source):
    assert lint_codes(markers(source), "DASH034") == []


def test_dash034_needs_an_all_input_of_counts():
    source = PICKS_THE_FIRST["any(), then next() over enumerate"]
    plain = snapshot(server(0, source, inputs=["markers.data", "search.n_clicks"]))
    values = snapshot(server(0, source, inputs=[({"type": "marker", "index": ALL}, "value"),
                                                "search.n_clicks"]))
    assert lint_codes(plain, "DASH034") == lint_codes(values, "DASH034") == []


def test_dash034_leaves_a_callback_that_resets_the_counts_alone():
    """Writing the counts back to 0 makes the first set one the one clicked since."""
    source = PICKS_THE_FIRST["any(), then next() over enumerate"]
    reset = markers(source, outputs=("out.children", MARKERS))
    assert lint_codes(reset, "DASH034") == []


def test_dash034_is_on_by_default_and_dash032_stays_opt_in():
    source = PICKS_THE_FIRST["substring test, then a for loop that breaks (sg-analytics)"]
    codes = {f.code for f in lint(markers(source), LintSettings())}
    assert "DASH034" in codes and "DASH032" not in codes


def test_dash034_on_the_browser_tested_fixture():
    """The app tests/browser/test_first_clicked.py clicks: the bug reported, the fix not."""
    findings = probed_findings("realworld/patterns/dash034_first_clicked.py")
    found = [f for f in findings if f.code == "DASH034"]
    assert [f.functions[0].rsplit(".", 1)[-1] for f in found] == ["show_stop"]
    assert "(line 34)" in found[0].message


def test_dash032_leaves_the_first_clicked_shape_to_dash034():
    """One finding, not two, even with every rule selected (as DASH032 does for DASH033)."""
    source = PICKS_THE_FIRST["substring test, then a for loop that breaks (sg-analytics)"]
    codes = [f.code for f in lint(markers(source), LintSettings(select=("ALL",)))
             if f.code.startswith("DASH03")]
    assert codes == ["DASH034"]
