"""Test-suite root: pytest puts this folder on ``sys.path``, so every test imports the shared
helpers (``paths``, the snapshot factory, hosted support) by their module names."""

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def tool_source(tmp_path_factory) -> Path:
    """A copy of the working tree, as a user's clone (committed changes or not)."""
    from installed import copy_of_the_tree

    return copy_of_the_tree(tmp_path_factory.mktemp("clone") / "dash-callback-explorer")


@pytest.fixture(scope="session")
def tool_wheel(tool_source, tmp_path_factory) -> Path:
    """The wheel of ``tool_source``, built once per test run for every installer below."""
    from installed import build_wheel

    return build_wheel(tool_source, tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def installed_tool(tool_wheel, tmp_path_factory) -> Path:
    """``pip install`` of the tool into a fresh virtualenv (one per test run, as pipx does it:
    the tool's own environment); the folder holding its commands."""
    from installed import install

    return install(tool_wheel, tmp_path_factory.mktemp("installed") / "venv")


@pytest.fixture(scope="session")
def pipx_tool(tool_source, tmp_path_factory) -> Path:
    """``pipx install`` of the clone itself, as the README says; the folder of its commands."""
    from installed import pipx_install

    return pipx_install(tool_source, tmp_path_factory.mktemp("pipx"))


@pytest.fixture(scope="session")
def uv_tool(tool_wheel, tmp_path_factory) -> Path:
    """``uv tool install`` of the tool's wheel; the folder of its commands."""
    from installed import uv_tool_install

    return uv_tool_install(tool_wheel, tmp_path_factory.mktemp("uv"))
