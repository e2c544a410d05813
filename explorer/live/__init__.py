"""The live plugin: ``Dash(plugins=[explorer.live.plugin()])`` records what callbacks do at run time."""

from __future__ import annotations

from explorer.live.plugin import LivePlugin, LiveError


def plugin(capacity: int = 5000, prefix: str = "_dce/live", chain_window: float = 2.0) -> LivePlugin:
    """A plugin for one app: keep the newest ``capacity`` callback requests, serve them under
    ``prefix`` (below the app's own path prefix); requests chain into one action when they
    follow their trigger's response within ``chain_window`` seconds."""
    return LivePlugin(capacity=capacity, prefix=prefix, chain_window=chain_window)


__all__ = ["LiveError", "LivePlugin", "plugin"]
