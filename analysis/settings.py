"""Lint settings: rule selection by code or prefix (like ruff) and the runtime rules' thresholds, from the CLI or pyproject.toml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from analysis.errors import ConfigError
from analysis.rules import rule_codes

PYPROJECT_SECTION = "dash-callback-explorer"
#: The runtime rules' thresholds in pyproject.toml, as the explorer's options name them
#: (``--live-per-action``, ``--live-slow-ms``): key -> (Thresholds field, smallest value).
THRESHOLD_KEYS = {"live-per-action": ("per_action", 1), "live-slow-ms": ("slow_load_ms", 0)}
_KNOWN_KEYS = {"select", "ignore", *THRESHOLD_KEYS}


@dataclass(frozen=True)
class Thresholds:
    """When a recorded run's numbers become a runtime finding (RUNTIME001, RUNTIME002)."""

    per_action: int = 10  # RUNTIME001: more requests of one callback for one action
    slow_load_ms: float = 1000.0  # RUNTIME002: p95 of its page-load calls above this


@dataclass(frozen=True)
class LintSettings:
    """Which rules run. ``select`` empty means the default rules; codes or prefixes
    (``DASH07``, ``RUNTIME``, ``ALL``) select rules, opt-in ones included. ``thresholds``:
    the runtime rules' (a lint of a snapshot never reads them)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    thresholds: Thresholds = Thresholds()


def split_codes(values: Iterable[str] | None) -> tuple[str, ...]:
    """Codes from repeated and/or comma-separated option values, upper-cased.

    >>> split_codes(["DASH001,dash07", " DASH040 "])
    ('DASH001', 'DASH07', 'DASH040')
    """
    codes: list[str] = []
    for value in values or ():
        codes.extend(part.strip().upper() for part in value.split(",") if part.strip())
    return tuple(codes)


def check_codes(selectors: Iterable[str], known: Iterable[str], origin: str) -> None:
    """ConfigError for a selector that names no known rule (a typo would silently do nothing)."""
    known = tuple(known)
    for selector in selectors:
        if selector != "ALL" and not any(code.startswith(selector) for code in known):
            raise ConfigError(
                f"{origin}: unknown rule code or prefix {selector!r}; "
                "run 'python -m analysis rules' to list the codes",
            )


def is_enabled(code: str, settings: LintSettings, default: bool = True) -> bool:
    """Whether a rule runs. Without ``select``, the rules on by ``default`` run; the most
    specific matching selector wins, as in ruff; on a tie ``ignore`` wins.

    >>> is_enabled("DASH001", LintSettings(select=("DASH0",), ignore=("DASH00",)))
    False
    >>> is_enabled("DASH001", LintSettings(select=("DASH001",), ignore=("DASH0",)))
    True
    >>> is_enabled("DASH040", LintSettings(ignore=("DASH040",)))
    False
    >>> is_enabled("DASH020", LintSettings(), default=False)
    False
    >>> is_enabled("DASH020", LintSettings(select=("DASH02",)), default=False)
    True
    """
    if settings.select:
        selected = _best_match(code, settings.select)
    else:
        selected = 0 if default else None
    ignored = _best_match(code, settings.ignore)
    return selected is not None and (ignored is None or selected > ignored)


def _best_match(code: str, selectors: Iterable[str]) -> int | None:
    """Length of the longest selector that matches ``code`` (``ALL`` counts 0), or None."""
    best = None
    for selector in selectors:
        length = 0 if selector == "ALL" else len(selector) if code.startswith(selector) else None
        if length is not None and (best is None or length > best):
            best = length
    return best


def find_pyproject(start: str | Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start`` with our section, or None."""
    path = Path(start).resolve()
    directory = path if path.is_dir() else path.parent
    for candidate_dir in (directory, *directory.parents):
        candidate = candidate_dir / "pyproject.toml"
        if candidate.is_file() and _section(candidate) is not None:
            return candidate
    return None


def _section(path: Path) -> dict | None:
    import tomllib  # here: a run with no pyproject.toml to read never imports the parser

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    section = data.get("tool", {}).get(PYPROJECT_SECTION)
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.{PYPROJECT_SECTION}] must be a table")
    return section


def load_pyproject(path: str | Path) -> LintSettings:
    """Settings from ``[tool.dash-callback-explorer]`` (``select``/``ignore`` lists of codes,
    the runtime rules' ``live-per-action`` and ``live-slow-ms``).

    ConfigError names the file and the bad key or value.
    """
    path = Path(path)
    section = _section(path) or {}
    unknown = set(section) - _KNOWN_KEYS
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) {sorted(unknown)} in [tool.{PYPROJECT_SECTION}]; "
            f"known keys: {sorted(_KNOWN_KEYS)}"
        )
    values = {}
    for key in ("select", "ignore"):
        value = section.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: '{key}' must be a list of rule codes, e.g. [\"DASH001\"]")
        values[key] = split_codes(value)
    return LintSettings(select=values["select"], ignore=values["ignore"],
                        thresholds=_thresholds(path, section))


def _thresholds(path: Path, section: dict) -> Thresholds:
    """The runtime rules' thresholds a section sets, the defaults for the others."""
    given = {}
    for key, (field, least) in THRESHOLD_KEYS.items():
        if key not in section:
            continue
        value = section[key]
        integer = field == "per_action"
        kinds = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds) or value < least or (
                not integer and value == least):
            what = "a whole number of at least 1" if integer else "a positive number"
            raise ConfigError(f"{path}: '{key}' must be {what}, e.g. {key} = "
                              f"{getattr(Thresholds, field):g}")
        given[field] = value if integer else float(value)
    return Thresholds(**given)


def merge(base: LintSettings, select: tuple[str, ...], ignore: tuple[str, ...]) -> LintSettings:
    """Command-line options over file settings: ``--select`` replaces, ``--ignore`` adds.

    >>> merge(LintSettings(select=("DASH0",), ignore=("DASH001",)), (), ("DASH040",)).ignore
    ('DASH001', 'DASH040')
    """
    return LintSettings(select=select or base.select, ignore=base.ignore + ignore,
                        thresholds=base.thresholds)


def project_settings(
    start: str | Path | None, *, config: str | Path | None = None,
    select: Iterable[str] = (), ignore: Iterable[str] = (),
) -> LintSettings:
    """A project's lint settings, as the CLI and the explorer both read them.

    The section of ``config`` if given, else of the pyproject.toml nearest ``start`` (a
    target's path; the current directory when ``start`` is not an existing path, e.g. a
    ``pkg.module`` target), with the command line's ``select`` (replaces) and ``ignore``
    (adds) on top. ConfigError names where a bad code or file came from.
    """
    if config:
        if not Path(config).is_file():
            raise ConfigError(f"--config {config}: no such file")
        base, origin = load_pyproject(config), str(config)
    else:
        found = find_pyproject(start if start and Path(start).exists() else Path.cwd())
        base = load_pyproject(found) if found else LintSettings()
        origin = str(found) if found else "settings"
    known = list(rule_codes())
    check_codes(base.select, known, f"{origin} select")
    check_codes(base.ignore, known, f"{origin} ignore")
    selected, ignored = split_codes(select), split_codes(ignore)
    check_codes(selected, known, "--select")
    check_codes(ignored, known, "--ignore")
    return merge(base, selected, ignored)
