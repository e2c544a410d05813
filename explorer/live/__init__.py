"""The live plugin: ``Dash(plugins=[explorer.live.plugin()])`` records what callbacks do at run time."""

from __future__ import annotations

from typing import Any


def plugin(capacity: int = 5000, prefix: str = "_dce/live", chain_window: float = 2.0) -> Any:
    """A ``LivePlugin`` for one app: keep the newest ``capacity`` callback requests, serve them
    under ``prefix`` (below the app's own path prefix); requests chain into one action when
    they follow their trigger's response within ``chain_window`` seconds. (Imported here, not
    at the package's import: importing ``explorer.live`` costs nothing.)"""
    from explorer.live.recorder import LivePlugin

    return LivePlugin(capacity=capacity, prefix=prefix, chain_window=chain_window)
