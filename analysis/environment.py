"""Which interpreter imports the target: --python, the active virtualenv, a project .venv, ours."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

#: Files that mark a project's root, as uv, ruff and pytest look for them.
ROOT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")
VENV_NAMES = (".venv", "venv")


@dataclass(frozen=True)
class Interpreter:
    """The Python that runs the probe, and why that one (``--python``, ``VIRTUAL_ENV``,
    ``project .venv``, ``this tool's own``)."""

    path: str
    source: str

    def describe(self) -> str:
        """``Using .venv/bin/python (project .venv)``: the path as findings name files."""
        return f"Using {_display(self.path)} ({self.source})"

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "source": self.source}


def find_interpreter(start: Path, explicit: str | None = None,
                     environ: Mapping[str, str] | None = None) -> Interpreter:
    """The interpreter for a target whose folder (or module root) is ``start``.

    ``--python`` wins; then the active virtualenv (``VIRTUAL_ENV``) unless it is this tool's
    own (pre-commit activates its hook environment that way); then the nearest ``.venv`` or
    ``venv`` from ``start`` up to the project root (the nearest folder holding one of
    ``ROOT_MARKERS``; ``start`` alone when there is none); then this tool's interpreter.
    """
    if explicit:
        return Interpreter(explicit, "--python")
    env = os.environ if environ is None else environ
    active = env.get("VIRTUAL_ENV")
    if active and not _same(Path(active), Path(sys.prefix)):
        python = venv_python(Path(active))
        if python is not None:
            return Interpreter(str(python), "active virtualenv")
    for folder in _up_to_root(start.resolve()):
        for name in VENV_NAMES:
            python = venv_python(folder / name)
            if python is not None:
                return Interpreter(str(python), f"project {name}")
    return Interpreter(sys.executable, "this tool's own")


def interpreter_for(target: str, explicit: str | None = None,
                    environ: Mapping[str, str] | None = None) -> Interpreter:
    """``find_interpreter`` from the target's own folder (a module target: the current one)."""
    from analysis.errors import AnalysisError
    from analysis.targets import resolve_target

    try:
        resolved = resolve_target(target)
    except AnalysisError:  # the probe reports a bad target; any interpreter will do for that
        return find_interpreter(Path.cwd(), explicit, environ)
    start = resolved.file.parent if resolved.file else resolved.root
    return find_interpreter(start, explicit, environ)


def project_root(start: Path) -> Path:
    """The nearest folder from ``start`` up holding a root marker; ``start`` when none does."""
    return _up_to_root(start.resolve())[-1]


def venv_python(folder: Path) -> Path | None:
    """The interpreter of the virtualenv at ``folder`` (a ``pyvenv.cfg`` beside ``bin/``)."""
    if not (folder / "pyvenv.cfg").is_file():
        return None
    for candidate in (folder / "bin" / "python", folder / "Scripts" / "python.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _up_to_root(start: Path) -> list[Path]:
    """``start`` and its parents up to the nearest one holding a root marker (inclusive);
    only ``start`` when no parent has one, so a stray venv in a home folder is never used."""
    folders = [start, *start.parents]
    for index, folder in enumerate(folders):
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return folders[:index + 1]
    return [start]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _display(path: str) -> str:
    """Relative to the current directory when below it, else as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative
