"""Findings confirmed by a run, and the RUNTIME0xx findings (analysis/runtime/evidence.py)."""

from __future__ import annotations

import pytest

from analysis.findings import fingerprints
from analysis.lint import lint
from analysis.probe.runner import snapshot_target
from analysis.reporters import render
from analysis.reporters.model import Report
from analysis.rules import all_rules, get_rule, runtime_rules
from analysis.runtime.evidence import confirm, read_run, runtime_findings
from analysis.settings import LintSettings, Thresholds
from analysis.runtime.model import CallRecord, RuntimeLog
from paths import REPO

APP = REPO / "tests" / "apps" / "live" / "overlay_app.py"


@pytest.fixture(scope="module")
def snapshot():
    return snapshot_target(str(APP))


def record(seq, output, action, *, initial=False, ms=1.0, outcome="updated", error=None,
           triggered=()):
    return CallRecord(seq=seq, output=output, action=action, initial=initial, duration_ms=ms,
                      outcome=outcome, error=error, triggered=triggered)


def loop_log(turns: int, back: str) -> RuntimeLog:
    """The page load (count), then one click on loop-go making forward/back turn ``turns`` times."""
    calls = [record(1, "clicks.children", 1, initial=True, ms=1500.0)]
    seq = 2
    for turn in range(turns):
        calls.append(record(seq, "b.children", 2, triggered=("loop-go.n_clicks",) if not turn
                            else ("a.children",)))
        calls.append(record(seq + 1, back, 2, triggered=("b.children",)))
        seq += 2
    calls.append(record(seq, "fail-out.children", 3, outcome="error", error="ValueError: no",
                        triggered=("fail-go.n_clicks",)))
    return RuntimeLog(calls=tuple(calls))


@pytest.fixture(scope="module")
def back_key(snapshot):
    """``back`` has no Output: its key is the hash Dash names it by."""
    return next(cb.output_key for cb in snapshot.callbacks if cb.function.endswith(".back"))


def test_evidence_lines_confirm_page_load_loop_and_never_called(snapshot, back_key):
    findings = lint(snapshot)
    run = read_run(snapshot, loop_log(21, back_key))
    confirmed = {f.code: f.evidence for f in confirm(findings, run)}
    assert confirmed["DASH011"] == ("`count` ran on page load once in this session",)
    assert confirmed["DASH040"] == ("`forward` fired 21 times for one click on loop-go",
                                    "`back` fired 21 times for one click on loop-go")
    assert confirmed["DASH012"] == ("`never` was never called in this session (44 requests)",)


def test_evidence_keeps_order_and_fingerprints_and_shows_in_text_and_json(snapshot, back_key):
    findings = lint(snapshot)
    confirmed = confirm(findings, read_run(snapshot, loop_log(3, back_key)))
    assert [f.code for f in confirmed] == [f.code for f in findings]
    assert fingerprints(confirmed, snapshot) == fingerprints(findings, snapshot)
    report = Report(snapshot, tuple(confirmed))
    assert "    evidence: `never` was never called in this session" in render(report, "text")
    assert '"evidence": [' in render(report, "json")
    assert '"evidence"' not in render(Report(snapshot, tuple(findings)), "json")


def test_a_run_without_page_load_or_with_dropped_records_claims_nothing(snapshot):
    findings = lint(snapshot)
    clicks_only = RuntimeLog(dropped=5, calls=(record(9, "fail-out.children", 7),))
    assert all(not f.evidence for f in confirm(findings, read_run(snapshot, clicks_only)))


def test_runtime_findings_for_repeated_firing_slow_page_load_and_errors(snapshot, back_key):
    run = read_run(snapshot, loop_log(21, back_key))
    found = runtime_findings(run)
    assert [(f.code, f.functions[0].rsplit(".", 1)[-1]) for f in found] == [
        ("RUNTIME001", "forward"), ("RUNTIME001", "back"), ("RUNTIME002", "count"),
        ("RUNTIME003", "fail")]
    assert found[0].message == ("`forward` fired 21 times for one click on loop-go "
                                "(more than 10)")
    assert found[0].file.endswith("overlay_app.py") and found[0].line == 24
    assert found[3].message == "`fail` failed once in 1 call: ValueError: no"
    quiet = runtime_findings(run, LintSettings(thresholds=Thresholds(21, 2000)))
    assert [f.code for f in quiet] == ["RUNTIME003"]


def test_runtime_rules_are_rules_of_the_catalog_that_no_lint_reports(snapshot):
    assert [r.code for r in runtime_rules()] == ["RUNTIME001", "RUNTIME002", "RUNTIME003"]
    assert set(runtime_rules()) <= set(all_rules())
    assert get_rule("fires-repeatedly").code == "RUNTIME001"
    # selected outright, they still report nothing from a snapshot alone
    assert not [f for f in lint(snapshot, LintSettings(select=("RUNTIME", "ALL")))
                if f.code.startswith("RUNTIME")]


@pytest.mark.parametrize("settings, codes", [
    (LintSettings(ignore=("RUNTIME001",)), ["RUNTIME002", "RUNTIME003"]),
    (LintSettings(ignore=("RUNTIME",)), []),
    (LintSettings(select=("DASH",)), []),  # selects the DASH rules only, as ruff would
    (LintSettings(select=("RUNTIME003",)), ["RUNTIME003"]),
    (LintSettings(select=("ALL",), ignore=("RUNTIME00",)), []),
])
def test_runtime_findings_follow_select_and_ignore(snapshot, back_key, settings, codes):
    run = read_run(snapshot, loop_log(21, back_key))
    assert sorted({f.code for f in runtime_findings(run, settings)}) == codes


def test_a_noqa_on_the_callback_silences_its_runtime_finding(tmp_path, back_key):
    source = APP.read_text(encoding="utf-8")
    marked = source.replace("def forward(_clicks, a):", "def forward(_clicks, a):  # noqa: RUNTIME001")
    marked = marked.replace("def fail(n_clicks):", "def fail(n_clicks):  # noqa")
    assert marked.count("noqa") == 2
    app = tmp_path / "overlay_app.py"
    app.write_text(marked, encoding="utf-8")
    run = read_run(snapshot_target(str(app)), loop_log(21, back_key))
    found = [(f.code, f.functions[0].rsplit(".", 1)[-1]) for f in runtime_findings(run)]
    assert found == [("RUNTIME001", "back"), ("RUNTIME002", "count")]


CLIENTSIDE_APP = '''
from dash import Dash, Input, Output, State, html

app = Dash(__name__)
app.layout = html.Div([html.Button(id="go"), html.Div(id="shown"), html.Div(id="copy"),
                       html.Div("x", id="name")])


@app.callback(Output("shown", "children"), Input("go", "n_clicks"))
def show(n):
    return n or 0


app.clientside_callback("function(name) { return name; }", Output("copy", "children"),
                        State("name", "children"), prevent_initial_call=True)
'''


def test_a_clientside_callback_is_never_claimed_uncalled(tmp_path):
    """Clientside callbacks run in the browser: no request of theirs reaches the plugin, so
    the run says nothing of them (it once called this one "never called", DASH012 included)."""
    app = tmp_path / "clientside_app.py"
    app.write_text(CLIENTSIDE_APP, encoding="utf-8")
    snapshot = snapshot_target(str(app))
    findings = lint(snapshot)
    assert [f.code for f in findings] == ["DASH012"]
    run = read_run(snapshot, RuntimeLog(calls=(record(1, "shown.children", 1, initial=True),)))
    assert [cb.name for cb in run.never_called()] == []
    assert [f.evidence for f in confirm(findings, run)] == [()]
    assert len(run.by_index) == 1 and run.saw_page_load
