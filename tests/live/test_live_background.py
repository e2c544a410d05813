"""A background callback's polls are marked as such, and its job counts as one call of one action."""

from __future__ import annotations

import time

import diskcache
from dash import Dash, DiskcacheManager, Input, Output, html

import explorer.live
from analysis.runtime.model import RuntimeLog
from analysis.runtime.stats import action_chains, callback_stats

CLICK = {"output": "out.children", "outputs": {"id": "out", "property": "children"},
         "inputs": [{"id": "go", "property": "n_clicks", "value": 1}],
         "changedPropIds": ["go.n_clicks"]}


def test_the_polls_of_a_background_job_are_one_call(tmp_path):
    manager = DiskcacheManager(diskcache.Cache(str(tmp_path / "cache")))
    app = Dash(__name__, background_callback_manager=manager,
               plugins=[explorer.live.plugin()])
    app.layout = html.Div([html.Button("go", id="go"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), background=True,
                  prevent_initial_call=True)
    def slow(clicks):
        time.sleep(0.5)
        return f"done {clicks}"

    client = app.server.test_client()
    client.get("/")
    handles = client.post("/_dash-update-component", json=CLICK).get_json()
    query = f"cacheKey={handles['cacheKey']}&job={handles['job']}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # as the renderer polls until the job is done
        time.sleep(0.2)
        if b"done 1" in client.post(f"/_dash-update-component?{query}", json=CLICK).get_data():
            break
    log = RuntimeLog.from_dict(client.get("/_dce/live/calls").get_json())
    assert len(log.calls) >= 3 and not log.calls[0].poll
    assert all(call.poll for call in log.calls[1:])
    assert callback_stats(log)["out.children"].calls == 1
    assert [chain.steps for chain in action_chains(log)] == [(("out.children", 1),)]
