"""The live plugin's ``dash_hooks`` entry point: plugs it into every app only when DASH_CALLBACK_EXPLORER_LIVE=1."""

# A top-level module of its own name, importing nothing of ours at import: Dash imports every
# ``dash_hooks`` entry point in every process of the environment that creates an app, the
# probe's child and apps whose project has its own ``explorer`` or ``analysis`` package
# included; a failed import there would break them.

from __future__ import annotations

import os

#: The variable that turns the entry point on; unset (or anything but "1"), it does nothing.
#: (analysis/probe/runner.py keeps it out of the probe's child, by the same name.)
ENV_VAR = "DASH_CALLBACK_EXPLORER_LIVE"


def _plug_into(app) -> None:  # noqa: ANN001 - a dash.Dash
    from explorer.live import plugin

    plugin().plug(app)


# Dash imports this module once per process (HooksManager.register_setuptools), before it runs
# the setup hooks of the first app: without the variable nothing is registered at all.
if os.environ.get(ENV_VAR) == "1":
    from dash import hooks

    hooks.setup()(_plug_into)
