"""Shared by the live plugin's tests: the fixture app, and callback requests shaped as the renderer sends them."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

from paths import APPS

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
