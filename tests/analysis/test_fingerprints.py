"""Fingerprints: a finding keeps its identity across line shifts, callback order and
generated ids; different findings never share one; JSON and SARIF carry it."""

from __future__ import annotations

import json
import textwrap
from dataclasses import replace

import pytest
from snapshot_factory import callback, clientside, probed, snapshot

from analysis.findings import FINGERPRINT_VERSION, fingerprint, fingerprints, normalise_id
from analysis.lint import LintSettings, lint
from analysis.probe.runner import snapshot_target
from analysis.reporters import Report, render
from analysis.snapshot import Snapshot

FIXTURE_APPS = [
    "outputs_and_cycles/single_bad", "outputs_and_cycles/pages_app",
    "outputs_and_cycles/patterns_app", "outputs_and_cycles/multi_app",
    "runtime/events_app.py", "runtime/keys_app.py", "runtime/returns_app.py",
    "runtime/set_props_app.py", "ids_and_signatures/bad_app.py",
]


def prints(snap: Snapshot) -> dict[str, str]:
    """Fingerprint -> rule code of every finding of a lint run."""
    findings = lint(snap)
    return dict(zip(fingerprints(findings, snap), (f.code for f in findings)))


def loops(*pairs: tuple[int, int, str], order=None) -> Snapshot:
    """Two-callback loops ``a<n>.value <-> b<n>.value``; (first index, line, id suffix)."""
    cbs = []
    for first, line, suffix in pairs:
        cbs.append(callback(first, [f"a{suffix}.value"], [f"b{suffix}.value"], line=line,
                            function=f"app.forward{first}"))
        cbs.append(callback(first + 1, [f"b{suffix}.value"], [f"a{suffix}.value"], line=line + 4,
                            function=f"app.back{first}"))
    return snapshot(*(cbs if order is None else [cbs[i] for i in order]))


def test_line_shifts_keep_every_fingerprint():
    before = prints(loops((0, 5, "1"), (2, 30, "2")))
    after = prints(loops((0, 105, "1"), (2, 230, "2")))
    assert before == after and len(before) == 2


def test_callback_order_keeps_every_fingerprint():
    """The same callbacks registered in another order: other indexes, other first callback."""
    ordered = loops((0, 5, "1"), (2, 30, "2"))
    shuffled = snapshot(*[replace(cb, index=3 - cb.index) for cb in reversed(ordered.callbacks)])
    assert prints(ordered) == prints(shuffled)


def test_generated_ids_keep_every_fingerprint():
    first = loops((0, 5, "-3fa8c"), (2, 30, "-0f8e1c2a-6b7d-4e5f-8a9b-0c1d2e3f4a5b"))
    second = loops((0, 5, "-91b2e"), (2, 30, "-77aa1c2a-6b7d-4e5f-8a9b-0c1d2e3f4a5b"))
    assert prints(first) == prints(second)


def test_different_findings_differ():
    base = lint(loops((0, 5, "1")))[0]
    snap = loops((0, 5, "1"))
    variants = [replace(base, code="DASH001"), replace(base, properties=("a1.value",)),
                replace(base, callbacks=(0,)), replace(base, components=("a1",))]
    assert len({fingerprint(f, snap) for f in [base, *variants]}) == 5
    # and the message does not count (it names lines)
    assert fingerprint(replace(base, message="other"), snap) == fingerprint(base, snap)


def test_hand_numbered_ids_stay_apart():
    assert prints(loops((0, 5, "-1"))) != prints(loops((0, 5, "-2")))
    assert normalise_id("year-2024.value") == "year-2024.value"


def test_repeats_of_one_shape_are_numbered_and_the_first_keeps_its_own():
    snap = loops((0, 5, "1"))
    (finding,) = lint(snap)
    once = fingerprints([finding], snap)
    thrice = fingerprints([finding] * 3, snap)
    assert thrice[0] == once[0] == fingerprint(finding, snap) and len(set(thrice)) == 3


def test_inline_clientside_callbacks_are_named_by_file_and_outputs_not_their_js_hash():
    def snap(js_hash: str) -> Snapshot:
        js = replace(clientside(1, "function(b) { return b; }", ["b.value"]),
                     function=f"clientside:inline.{js_hash}", outputs=callback(1, [], ["a.value"]).outputs)
        return snapshot(callback(0, ["a.value"], ["b.value"]), js)

    assert prints(snap("0123456789")) == prints(snap("abcdef9876"))
    assert len(prints(snap("0123456789"))) == 1


@pytest.mark.parametrize("app", FIXTURE_APPS)
def test_every_fingerprint_of_a_fixture_app_run_is_distinct(app):
    snap = probed(app)
    findings = lint(snap, LintSettings(select=("ALL",)))  # multi_app's findings are opt-in DASH010
    assert findings and len(set(fingerprints(findings, snap))) == len(findings)


APP_WITH_GENERATED_IDS = """
    import uuid
    from dash import Dash, Input, Output, dcc, html

    app = Dash(__name__)
    rows = []
    for field in ("width", "height"):
        key = str(uuid.uuid4())[:5] + str(uuid.uuid4().int)[:3]  # dmc-docs' configurator shape
        rows.append(html.Div([dcc.Input(id=f"{key}-a"), dcc.Input(id=f"{key}-b")]))

        @app.callback(Output(f"{key}-b", "value"), Input(f"{key}-a", "value"))
        def forward(value):
            return value

        @app.callback(Output(f"{key}-a", "value"), Input(f"{key}-b", "value"))
        def back(value):
            return value

    app.layout = html.Div(rows)
"""


def test_two_real_runs_of_an_app_with_uuid_ids_give_the_same_fingerprints(tmp_path):
    (tmp_path / "app.py").write_text(textwrap.dedent(APP_WITH_GENERATED_IDS))
    runs = [snapshot_target(str(tmp_path / "app.py")) for _ in range(2)]
    assert runs[0].callbacks[0].outputs != runs[1].callbacks[0].outputs  # the ids did change
    first, second = (fingerprints(lint(run), run) for run in runs)
    assert first == second and len(set(first)) == 2  # one finding per loop


def test_json_and_sarif_carry_the_fingerprint():
    snap = loops((0, 5, "1"), (2, 30, "2"))
    report = Report(snap, tuple(lint(snap)))
    expected = fingerprints(report.findings, snap)
    data = json.loads(render(report, "json"))
    assert [f["fingerprint"] for f in data["findings"]] == expected
    results = json.loads(render(report, "sarif"))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in results] == [
        {FINGERPRINT_VERSION: fp} for fp in expected]
