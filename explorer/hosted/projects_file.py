"""The hosted explorer's projects file (TOML): which projects exist and how each is analysed."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from analysis.errors import ConfigError
from explorer.projects import Project

#: A project name is a slug: it names a folder of the snapshot store and appears in URLs, so
#: it can never contain a path separator, a dot-dot or anything a shell or URL would mangle.
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
DEFAULT_TIMEOUT = 60.0
_PROJECT_KEYS = {"name", "target", "python", "timeout", "env"}
EXAMPLE = """\
[[projects]]
name = "shop"                      # letters, digits, '-' and '_' (used in URLs)
target = "examples/demo/app.py"     # a file, a project folder or pkg.module[:attr]
python = ".venv/bin/python"         # optional: the interpreter that imports the target
timeout = 60                        # optional: seconds a probe may take
env = ["SHOP_SETTINGS"]             # optional: variables the import needs (names only)"""


def is_project_name(value: object) -> bool:
    """True for a safe project name (a slug); anything else is refused before touching disk.

    >>> is_project_name("shop-2"), is_project_name("../etc"), is_project_name("a/b")
    (True, False, False)
    """
    return isinstance(value, str) and NAME_PATTERN.fullmatch(value) is not None


def load_projects(path: str | os.PathLike) -> list[Project]:
    """The projects listed in a TOML file; ConfigError names the file, the entry and the fix.

    Relative targets and interpreters are resolved against the file's folder, so the
    same file works whatever the server's working directory is.
    """
    source = Path(path)
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read projects file {source}: {exc.strerror or exc}; "
                          f"create it or point DCE_CONFIG at an existing file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{source}: not valid TOML ({exc})", details=EXAMPLE) from None
    return parse_projects(data, source)


def parse_projects(data: dict[str, Any], source: Path) -> list[Project]:
    """Validate the parsed TOML document (``[[projects]]`` tables)."""
    unknown = set(data) - {"projects"}
    if unknown:
        raise ConfigError(f"{source}: unknown top-level key(s) {sorted(unknown)}; "
                          f"only [[projects]] tables are read", details=EXAMPLE)
    entries = data.get("projects")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{source}: no projects; add at least one [[projects]] table",
                          details=EXAMPLE)
    projects: list[Project] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        project = _parse_entry(entry, f"{source}: project #{number}", source.parent)
        if project.name in seen:
            raise ConfigError(f"{source}: project name {project.name!r} is used twice; "
                              f"give each project its own name")
        seen.add(project.name)
        projects.append(project)
    return projects


def _parse_entry(entry: Any, where: str, base: Path) -> Project:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: must be a table ([[projects]]), not {type(entry).__name__}")
    unknown = set(entry) - _PROJECT_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)}; "
                          f"allowed: {', '.join(sorted(_PROJECT_KEYS))}", details=EXAMPLE)
    name = entry.get("name")
    if not is_project_name(name):
        raise ConfigError(f"{where}: name {name!r} is not allowed; use 1-64 letters, digits, "
                          f"'-' or '_', starting with a letter or digit")
    where = f"{where.rsplit(':', 1)[0]}: project {name!r}"
    return Project(name, target=_target(entry.get("target"), where, base),
                   python=_python(entry.get("python"), where, base),
                   timeout=_timeout(entry.get("timeout", DEFAULT_TIMEOUT), where),
                   env=_env(entry.get("env", []), where))


def _env(value: Any, where: str) -> tuple[str, ...]:
    """Names of the server's environment variables the project's probe may see; the server's
    own ``DCE_*`` settings can never be among them."""
    if not isinstance(value, list) or not all(
            isinstance(name, str) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name)
            for name in value):
        raise ConfigError(f"{where}: 'env' must be a list of environment variable names, "
                          f'e.g. env = ["DATABASE_URL"]')
    own = [name for name in value if name.startswith("DCE_")]
    if own:
        raise ConfigError(f"{where}: 'env' names the server's own setting(s) {own}; those "
                          f"never reach probed code")
    return tuple(value)


def _target(value: Any, where: str, base: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: 'target' is required: a .py file, a project folder "
                          f"or pkg.module[:attr]")
    candidate = Path(value) if os.path.isabs(value) else base / value
    if candidate.exists():
        return str(candidate.resolve())
    module, _, attr = value.partition(":")
    dotted = all(part.isidentifier() for part in module.split("."))
    if dotted and (not attr or attr.isidentifier()) and not value.endswith(".py"):
        return value  # an importable module, resolved by the probe from the working directory
    raise ConfigError(f"{where}: target {value!r} does not exist (looked for {candidate}); "
                      f"paths are relative to the projects file's folder")


def _python(value: Any, where: str, base: Path) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: 'python' must be the path of an interpreter")
    candidate = Path(value) if os.path.isabs(value) else base / value
    if not (candidate.is_file() and os.access(candidate, os.X_OK)):
        raise ConfigError(f"{where}: python interpreter {value!r} is not an executable file "
                          f"(looked for {candidate}); point it at e.g. .venv/bin/python")
    return str(candidate.absolute())  # not resolved: a venv's python is a symlink that matters


def _timeout(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 3600:
        raise ConfigError(f"{where}: 'timeout' must be a number of seconds between 0 and 3600, "
                          f"got {value!r}")
    return float(value)
