"""What DASH035 (trigger-evaluated) claims, against a running Dash server: Dash 4.4.1 fills
``callback_context.triggered`` from the request's ``changedPropIds`` as sent, so a callback
that ``eval``s its ``prop_id`` (feffery-antd-docs ``comment_demo_add_children_callback``;
the fixture app is tests/apps/realworld/patterns/dash035_eval_trigger.py) runs whatever a
client puts there. One crafted POST, no browser: Dash's threaded test server."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

from app_loader import load_app
from paths import APPS

FIXTURE = APPS / "realworld" / "patterns" / "dash035_eval_trigger.py"
PORT = 8742


def update(url: str, output: str, button_type: str, changed: str) -> int:
    """POST what the renderer posts when a delete button is clicked, with ``changedPropIds``
    replaced by ``changed``; the HTTP status."""
    body = {
        "output": f"{output}.children",
        "outputs": {"id": output, "property": "children"},
        "inputs": [[{"id": {"index": 0, "type": button_type}, "property": "n_clicks",
                     "value": 1}]],
        "changedPropIds": [changed],
        "state": [{"id": output, "property": "children", "value": []}],
    }
    request = urllib.request.Request(f"{url}/_dash-update-component",
                                     data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def payload(marker: Path) -> str:
    """A prop_id that the callback's ``eval`` runs: it writes ``marker``, then evaluates to a
    dict with an index, so the callback goes on as if a real button had been clicked."""
    return (f"__import__('pathlib').Path({str(marker)!r}).write_text('ran') "
            f"and {{'index': 0}}.n_clicks")


def test_a_crafted_changed_prop_id_runs_on_the_server(dash_thread_server, tmp_path) -> None:
    dash_thread_server(load_app(FIXTURE), port=PORT)
    url = dash_thread_server.url.rstrip("/")

    marker = tmp_path / "evaluated"
    assert update(url, "comments", "comment-delete", payload(marker)) == 200
    assert marker.read_text() == "ran"  # the client's expression ran in the server process

    fixed = tmp_path / "fixed"
    status = update(url, "comments-fixed", "comment-delete-fixed", payload(fixed))
    assert not fixed.exists() and status != 200  # ctx.triggered_id is a string: no index
