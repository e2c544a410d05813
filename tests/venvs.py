"""Real virtualenvs for tests: empty, or seeing the packages of the Python running the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def make_venv(root: Path, *, outer_packages: bool = True) -> Path:
    """A virtualenv at ``root`` (no pip); returns its ``bin/python``.

    ``outer_packages``: the running interpreter's site-packages go in through a ``.pth`` file,
    not ``--system-site-packages``: inside a virtualenv that option reaches the *base* Python's
    packages, which lack dash."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    python = root / "bin" / "python"
    if outer_packages:
        outer = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
        (purelib(python) / "outer-packages.pth").write_text("\n".join(outer) + "\n")
    return python


def purelib(python: Path) -> Path:
    """The site-packages folder of the interpreter ``python``."""
    return Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
