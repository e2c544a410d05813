"""The ``dash_hooks`` entry point: plugs the live plugin into every app, only when asked by env var."""

from __future__ import annotations

import os

#: The variable that turns the entry point on; unset (or anything but "1"), it does nothing.
ENV_VAR = "DASH_CALLBACK_EXPLORER_LIVE"


def _plug_into(app) -> None:  # noqa: ANN001 - a dash.Dash
    from explorer.live import plugin

    plugin().plug(app)


# Dash imports this module once per process (HooksManager.register_setuptools), before it runs
# the setup hooks of the first app: without the variable nothing is registered at all.
if os.environ.get(ENV_VAR) == "1":
    from dash import hooks

    hooks.setup()(_plug_into)
