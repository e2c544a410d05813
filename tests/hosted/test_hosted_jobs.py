"""Analysis results bound to the server (issue 13, item 7): the page holds only a job id.

``adopt_analysis`` took whatever the browser's ``analysis-result`` store held: a crafted
request showed "Analysis of clean failed: <any text>" to every user, or adopted (and deleted)
another client's result file. Each test here failed before the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.hosted.server import HostedSettings, build_hosted_app
from hosted_support import analyse_body, outputs_of, run_background_callback, write_projects

CRAFTED = "pwned: call 555-0100 to fix it"


@pytest.fixture
def hosted(tmp_path: Path):
    settings = HostedSettings(config=write_projects(tmp_path), data_dir=tmp_path / "data")
    return settings, build_hosted_app(settings)


def adopt(app, client, handed_over: object):
    """What the renderer sends when the job's set_props lands in the analysis-result store."""
    trigger = {"id": "analysis-result", "property": "data"}
    key = next(k for k, cb in app.callback_map.items() if trigger in cb["inputs"])
    return client.post("/_dash-update-component", json={
        "output": key, "outputs": outputs_of(key),
        "inputs": [dict(trigger, value=handed_over),
                   {"id": "watch-poll", "property": "n_intervals", "value": None}],
        "state": [{"id": "revision", "property": "data", "value": 0}],
        "changedPropIds": ["analysis-result.data"]})


def status_for_others(app, project: str) -> str:
    """The status line another user's page shows for ``project`` (a client of its own)."""
    response = app.server.test_client().post("/_dash-update-component", json={
        "output": "status.children", "outputs": {"id": "status", "property": "children"},
        "inputs": [{"id": "project-select", "property": "value", "value": project},
                   {"id": "revision", "property": "data", "value": 0},
                   {"id": "cancel-button", "property": "n_clicks", "value": None}],
        "changedPropIds": ["project-select.value"]})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_data(as_text=True)


def test_a_crafted_result_shows_nothing_to_other_users(hosted):
    _, app = hosted
    attacker = app.server.test_client()
    for crafted in ({"project": "clean", "error": CRAFTED, "details": CRAFTED},
                    CRAFTED, "clean", {"job": CRAFTED}):
        answer = adopt(app, attacker, crafted)
        assert answer.status_code in (200, 204)
        assert '"revision"' not in answer.get_data(as_text=True)  # nothing was adopted
    assert CRAFTED not in status_for_others(app, "clean")
    assert "clean: analysed at" in status_for_others(app, "clean")


def test_a_client_cannot_adopt_another_clients_result(hosted):
    settings, app = hosted
    owner, attacker = app.server.test_client(), app.server.test_client()
    answer = run_background_callback(owner, analyse_body(app, "clean"))
    handed_over = answer["sideUpdate"]["analysis-result"]["data"]
    # The attacker knows where results live and every file's name there, not the id.
    for path in sorted((settings.data_dir / "results").rglob("*")):
        for guess in ({"project": "clean", "path": str(path), "error": None}, str(path),
                      path.name, path.name.split(".")[0]):
            taken = adopt(app, attacker, guess)
            assert '"revision"' not in taken.get_data(as_text=True), guess
    adopted = adopt(app, owner, handed_over)
    assert adopted.status_code == 200 and '"revision"' in adopted.get_data(as_text=True)
    assert "clean: analysed at" in status_for_others(app, "clean")
    assert not list((settings.data_dir / "results").rglob("*.json"))  # taken in: none left


def test_a_replayed_job_id_does_nothing_and_says_so(hosted):
    _, app = hosted
    client = app.server.test_client()
    answer = run_background_callback(client, analyse_body(app, "clean"))
    handed_over = answer["sideUpdate"]["analysis-result"]["data"]
    assert isinstance(handed_over, str) and len(handed_over) >= 40  # an opaque id, no path
    assert '"revision"' in adopt(app, client, handed_over).get_data(as_text=True)
    again = adopt(app, client, handed_over)
    text = again.get_data(as_text=True)
    assert again.status_code == 200 and '"revision"' not in text
    assert "not a result of this server" in text
