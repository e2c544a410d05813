"""The live plugin under a threaded server (as gunicorn's gthread workers run it): no request lost or doubled."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import requests
from werkzeug.serving import make_server

import explorer.live
from live_support import fixture_module, prop

CLIENTS, EACH = 8, 25


def test_concurrent_requests_are_each_recorded_once_and_the_ring_stays_bounded():
    app = fixture_module().make_app(plugins=[explorer.live.plugin(capacity=150)])
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        requests.get(base + "/", timeout=30)

        def click(n: int) -> int:
            with requests.Session() as session:
                for i in range(EACH):
                    body = {"output": "step1.children",
                            "outputs": {"id": "step1", "property": "children"},
                            "inputs": [prop("go.n_clicks", n * EACH + i)],
                            "changedPropIds": ["go.n_clicks"]}
                    assert session.post(base + "/_dash-update-component", json=body,
                                        timeout=30).status_code == 200
            return n

        with ThreadPoolExecutor(CLIENTS) as pool:
            list(pool.map(click, range(CLIENTS)))
        log = requests.get(base + "/_dce/live/calls", timeout=30).json()
    finally:
        server.shutdown()
        thread.join(10)
    seqs = [c["seq"] for c in log["calls"]]
    assert len(seqs) == 150 and log["dropped"] == CLIENTS * EACH - 150
    assert seqs == list(range(CLIENTS * EACH - 149, CLIENTS * EACH + 1))  # in order, none twice
    assert {c["outcome"] for c in log["calls"]} == {"updated"}
