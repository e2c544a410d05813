"""Where a target is: its file or module and the root the probe (or static mode) reads it from."""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import TargetError

ENTRY_NAMES = ("app.py", "index.py", "main.py")


@dataclass(frozen=True)
class ResolvedTarget:
    """Where and how the probe imports the target: by ``module`` when set (a module target,
    or a file inside a package), else by ``file`` on its own."""

    label: str  # as the user wrote it
    root: Path  # working directory and sys.path[0] of the child
    file: Path | None = None
    module: str | None = None
    attr: str | None = None


def resolve_target(target: str, cwd: str | os.PathLike | None = None) -> ResolvedTarget:
    """A .py file (``app.py`` or ``app.py:attr``), a project directory (app.py / index.py /
    main.py, else its ``__init__.py`` when it is a package), or ``pkg.module[:attr]``. A file inside a package is its dotted module (see
    ``file_target``)."""
    base = Path(cwd or os.getcwd()).resolve()
    path = (base / target) if not os.path.isabs(target) else Path(target)
    file_part, colon, attr = target.rpartition(":")
    if colon and file_part.endswith(".py") and attr.isidentifier():  # path/to/app.py:attr
        resolved = resolve_target(file_part, base)
        return ResolvedTarget(target, resolved.root, file=resolved.file,
                              module=resolved.module, attr=attr)
    if path.is_file():
        if path.suffix != ".py":
            raise TargetError(f"{target} is not a Python file; point at the app's .py file")
        return file_target(target, path.resolve())
    if path.is_dir():
        for name in ENTRY_NAMES:
            if (path / name).is_file():
                return file_target(target, (path / name).resolve())
        if (path / "__init__.py").is_file():  # a package that is the app: import the package
            return file_target(target, (path / "__init__.py").resolve())
        raise TargetError(
            f"no {', '.join(ENTRY_NAMES)} or __init__.py in directory {target}; pass the app's "
            f".py file (optionally file.py:attr) or package.module[:attr] instead"
        )
    module, _, attr = target.partition(":")
    if _is_dotted_name(module) and (not attr or attr.isidentifier()):
        head = module.split(".")[0]
        if (base / head).is_dir() or (base / f"{head}.py").is_file() or not target.endswith(".py"):
            return ResolvedTarget(target, base, module=module, attr=attr or None)
    raise TargetError(f"{target} does not exist; pass a .py file (optionally file.py:attr), a "
                      f"project directory or package.module[:attr] importable from the current "
                      f"directory")


def file_target(label: str, file: Path) -> ResolvedTarget:
    """A file on its own (its folder is the root), or, inside a package, its dotted module.

    Like pytest's ``prepend`` import mode: the folders above the file that hold an
    ``__init__.py`` are its packages, and the first folder upward without one is the root
    (working directory and ``sys.path[0]``), so ``mypkg/index.py`` is imported as
    ``mypkg.index`` and its ``import mypkg.layout`` or ``from .layout import x`` work, the
    same as ``python -m mypkg.index`` run from that root. Only a file that needs its package
    (see ``_needs_package``) is imported that way: many projects are run as ``python app.py``
    beside a stray ``__init__.py`` and import their siblings by their own names."""
    parts = [] if file.stem == "__init__" else [file.stem]
    folder = file.parent
    while (folder / "__init__.py").is_file() and folder.parent != folder:
        parts.insert(0, folder.name)
        folder = folder.parent
    if (folder == file.parent or not _is_dotted_name(".".join(parts))
            or not _needs_package(file, parts[0])):
        return ResolvedTarget(label, file.parent, file=file)  # a script, as `python app.py`
    return ResolvedTarget(label, folder, file=file, module=".".join(parts))


def _needs_package(file: Path, top: str) -> bool:
    """True for a package's ``__init__.py`` and for a module that imports relatively or
    imports its own top-level package by name: it works only as a dotted module."""
    if file.name == "__init__.py":
        return True
    try:
        tree = ast.parse(file.read_bytes(), str(file))
    except (SyntaxError, ValueError, OSError):
        return False  # imported as a script, the probe reports the real error
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
            if node.level:
                return True
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        if any(name.split(".")[0] == top for name in names):
            return True
    return False


def _is_dotted_name(text: str) -> bool:
    return bool(text) and all(part.isidentifier() for part in text.split("."))


def script_module_name(path: Path) -> str:
    """The module name a script file is read under, as the probe imports it: its stem, unless
    a package of that name sits beside it (``python app.py`` next to ``app/``: ``import app``
    finds the package), then its file name, which no import can ask for. The probe's child
    keeps its own copy (it imports nothing of ours); tests/static checks the two agree.

    >>> script_module_name(Path("examples/demo/app.py"))
    'app'
    """
    if (path.parent / path.stem / "__init__.py").is_file():
        return path.name
    return path.stem

