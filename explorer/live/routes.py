"""The live plugin's routes: the call log (JSON), the live snapshot (JSON), and its page."""

from __future__ import annotations

from typing import Any

import flask

from analysis.snapshot import dump_json
from explorer.live import page
from explorer.live.snapshot import findings_now


def add(plugin: Any, server: flask.Flask, routes_prefix: str) -> None:
    """Register ``<prefix>/calls``, ``<prefix>/snapshot`` and ``<prefix>/`` on the server."""
    base = f"{routes_prefix}{plugin.prefix}/"

    def calls() -> flask.Response:
        return _json(dump_json(plugin.calls.log().to_dict()))

    def snapshot() -> flask.Response:
        return _json(dump_json(plugin.built()[0].to_dict()))

    def index() -> flask.Response:
        return flask.Response(page.render(plugin, plugin.built()[0], *findings_now(plugin)),
                              mimetype="text/html")

    for name, view in (("calls", calls), ("snapshot", snapshot), ("", index)):
        server.add_url_rule(base + name, endpoint=f"{base}{name}", view_func=view,
                            methods=["GET"])


def _json(blob: bytes) -> Any:
    # no-store: each fetch is the state now (the overlay polls it)
    return flask.Response(blob, mimetype="application/json",
                          headers={"Cache-Control": "no-store"})
