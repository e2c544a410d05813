"""Shared by the live plugin's tests: the fixture app, and callback requests shaped as the renderer sends them."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

from paths import APPS, REPO

LIVE_APP = APPS / "live" / "live_app.py"


def fixture_module():
    """tests/apps/live/live_app.py, imported once under its own name (its ``make_app``)."""
    if "live_app" not in sys.modules:
        spec = importlib.util.spec_from_file_location("live_app", LIVE_APP)
        module = importlib.util.module_from_spec(spec)
        sys.modules["live_app"] = module
        spec.loader.exec_module(module)
    return sys.modules["live_app"]


def prop(key: str, value: Any = None) -> dict:
    component, name = key.rsplit(".", 1)
    return {"id": component, "property": name, "value": value}


def update(client, output: str, inputs: dict[str, Any], changed: list[str]):
    """POST one ``/_dash-update-component`` request as Dash's renderer does (single output)."""
    body = {"output": output, "outputs": {k: v for k, v in prop(output).items() if k != "value"},
            "inputs": [prop(key, value) for key, value in inputs.items()],
            "changedPropIds": changed}
    return client.post("/_dash-update-component", json=body)


def installed_entry_point(folder: Path, env_value: str | None) -> dict[str, str]:
    """An environment for a child process in which the package's ``dash_hooks`` entry point
    is installed for real (a dist-info in ``folder``, on its path), with
    ``DASH_CALLBACK_EXPLORER_LIVE`` set to ``env_value`` (None: unset)."""
    dist = folder / "dash_callback_explorer_live_probe-0.0.dist-info"
    dist.mkdir(exist_ok=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: dash-callback-explorer-live-probe"
                                   "\nVersion: 0.0\n")
    (dist / "entry_points.txt").write_text(
        "[dash_hooks]\ndash_callback_explorer_live = dash_callback_explorer_live\n")
    env = {k: v for k, v in os.environ.items() if k != "DASH_CALLBACK_EXPLORER_LIVE"}
    env["PYTHONPATH"] = os.pathsep.join([str(folder), str(REPO)])
    if env_value is not None:
        env["DASH_CALLBACK_EXPLORER_LIVE"] = env_value
    return env
