"""The tool installed as a user installs it: with pip in a venv, with pipx, with uv tool."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from paths import REPO

#: Left out of the copy: git's data, caches and earlier builds (setuptools writes build/ and
#: *.egg-info into the tree it builds; the repository's own tree stays untouched).
IGNORED = shutil.ignore_patterns(".git", "__pycache__", "build", "dist", "*.egg-info",
                                 ".pytest_cache", ".venv", "venv")


def copy_of_the_tree(folder: Path) -> Path:
    """The working tree (committed or not) at ``folder``."""
    shutil.copytree(REPO, folder, ignore=IGNORED)
    return folder


def build_wheel(source: Path, folder: Path) -> Path:
    """The wheel of ``source`` (a clone or a copy), built once as pip builds it for a user."""
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w",
                           str(folder), str(source)], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = folder.glob("dash_callback_explorer-*.whl")
    return wheel


def install(source: Path, venv: Path) -> Path:
    """A fresh virtualenv at ``venv`` with ``pip install SOURCE`` (a clone, a copy or a wheel)
    done in it, dependencies resolved by pip as for a user; returns the folder holding its
    commands."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    done = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                           str(source)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return venv / "bin"


def clean_env(**extra: str) -> dict[str, str]:
    """A user's environment: no activated virtualenv, no PYTHONPATH to this checkout."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    return {**env, **extra}


def pipx_install(source: Path, home: Path) -> Path:
    """``pipx install SOURCE`` with pipx's home, commands and man pages under ``home`` (pipx
    from requirements-dev.txt, the tool's venv on this Python); the folder of its commands."""
    env = clean_env(PIPX_HOME=str(home / "home"), PIPX_BIN_DIR=str(home / "bin"),
                    PIPX_MAN_DIR=str(home / "man"))
    done = subprocess.run([sys.executable, "-m", "pipx", "install", "--python", sys.executable,
                           str(source)], env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return home / "bin"


def uv_tool_install(source: Path, home: Path) -> Path:
    """``uv tool install SOURCE`` with uv's tools and commands under ``home`` (uv from
    requirements-dev.txt, the tool's venv on this Python: uv never downloads one here);
    the folder of its commands."""
    from uv import find_uv_bin

    env = clean_env(UV_TOOL_DIR=str(home / "tools"), UV_TOOL_BIN_DIR=str(home / "bin"),
                    UV_PYTHON_DOWNLOADS="never")
    done = subprocess.run([find_uv_bin(), "tool", "install", "--python", sys.executable,
                           str(source)], env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return home / "bin"
