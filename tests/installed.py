"""The tool installed as a user installs it: the working tree copied, pip-installed in a venv."""

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


def install(source: Path, venv: Path) -> Path:
    """A fresh virtualenv at ``venv`` with ``pip install SOURCE`` (a clone or a copy) done in
    it, dependencies resolved by pip as for a user; returns the folder holding its commands."""
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
