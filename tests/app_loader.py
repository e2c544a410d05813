"""Fixture apps run by a server in the tests' own process: each file loaded as a fresh module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from dash import Dash


def load_app(path: Path, attribute: str = "app") -> Dash:
    """The Dash app a fixture file builds, from a fresh copy of the file's module (its own
    app and callbacks), registered under the file's stem because ``Dash(__name__)`` looks its
    module up."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return getattr(module, attribute)
