"""Test-suite root: pytest puts this folder on ``sys.path``, so every test imports the shared
helpers (``paths``, the snapshot factory, hosted support) by their module names."""

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def installed_tool(tmp_path_factory) -> Path:
    """``pip install .`` of the working tree into a fresh virtualenv (one per test run, as
    pipx does it: the tool's own environment); the folder holding its commands."""
    from installed import copy_of_the_tree, install

    base = tmp_path_factory.mktemp("installed")
    return install(copy_of_the_tree(base / "source"), base / "venv")
