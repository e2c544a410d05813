"""DASH035 trigger-evaluated: eval/exec of request data read through callback_context."""

from __future__ import annotations

import pytest

from analysis.lint import LintSettings, lint
from snapshot_factory import ALL, lint_codes, probed_findings, server, snapshot

EVALUATES = {
    "the prop_id, inline (feffery-antd-docs)": """
def delete(clicks, rows):
    if "n_clicks" in dash.callback_context.triggered[0]["prop_id"]:
        return eval(dash.callback_context.triggered[0]["prop_id"].replace(".n_clicks", ""))["index"]
""",
    "the prop_id through locals": """
def delete(clicks, rows):
    prop_id = ctx.triggered[0]["prop_id"]
    id_text = prop_id.rsplit(".", 1)[0]
    return eval(id_text)["index"]
""",
    "triggered_id in an f-string": """
def delete(clicks, rows):
    return eval(f"handle_{dash.ctx.triggered_id}()")
""",
    "a key of ctx.inputs": """
def delete(clicks, rows):
    for key in ctx.inputs:
        exec(key.split(".")[0] + " = 1")
""",
    "an alias of the context": """
def delete(clicks, rows):
    c = dash.callback_context
    return eval(list(c.triggered_prop_ids)[0].split(".")[0])
""",
}

STAYS_SILENT = {
    "json.loads of the prop_id": """
def delete(clicks, rows):
    return json.loads(ctx.triggered[0]["prop_id"].rpartition(".")[0])["index"]
""",
    "ast.literal_eval of the prop_id": """
def delete(clicks, rows):
    return ast.literal_eval(ctx.triggered[0]["prop_id"].rpartition(".")[0])["index"]
""",
    "eval of the app's own text": """
def delete(clicks, rows):
    if ctx.triggered_id:
        return eval("1 + 1")
""",
    "eval of something else's inputs": """
def delete(clicks, rows):
    return eval(model.inputs[0])
""",
    "triggered_id['index'] (the fix)": """
def delete(clicks, rows):
    index = ctx.triggered_id["index"]
    return [row for row in rows if row["props"]["id"]["index"] != index]
""",
}


def rows(source: str):
    return snapshot(server(0, source, inputs=[({"type": "delete", "index": ALL}, "n_clicks")],
                           states=["rows.children"]))


@pytest.mark.parametrize("source", EVALUATES.values(), ids=EVALUATES.keys())
def test_dash035_reports_eval_of_request_data(source):
    (finding,) = lint_codes(rows(source), "DASH035")
    assert finding.severity == "error"
    assert "any client can make the server run code" in finding.message


@pytest.mark.parametrize("source", STAYS_SILENT.values(), ids=STAYS_SILENT.keys())
def test_dash035_stays_silent(source):
    assert lint_codes(rows(source), "DASH035") == []


def test_dash035_is_on_by_default():
    source = EVALUATES["the prop_id, inline (feffery-antd-docs)"]
    assert [f.code for f in lint(rows(source), LintSettings())
            if f.code.startswith("DASH03")] == ["DASH035"]


def test_dash035_on_the_server_tested_fixture():
    """The app tests/browser/test_trigger_eval.py attacks: the bug reported, the fix not."""
    findings = probed_findings("realworld/patterns/dash035_eval_trigger.py")
    (found,) = [f for f in findings if f.code == "DASH035"]
    assert found.functions[0].rsplit(".", 1)[-1] == "delete_comment"
    assert "line 29" in found.message


def test_dash032_leaves_the_evaluated_prop_id_to_dash035():
    """One finding, not two, even with every rule selected (as DASH032 does for DASH033)."""
    source = EVALUATES["the prop_id, inline (feffery-antd-docs)"]
    codes = [f.code for f in lint(rows(source), LintSettings(select=("ALL",)))
             if f.code.startswith("DASH03")]
    assert codes == ["DASH035"]
