"""The rule catalog: one module per rule (``dashNNN_name.py``, ``runtimeNNN_name.py``), discovered, never registered by hand."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from analysis.errors import ConfigError
from analysis.rules._base import Rule, rule

__all__ = ["Rule", "rule", "all_rules", "get_rule", "rule_codes", "runtime_rules"]

#: The rule modules' name prefixes: the lint's rules, and the runtime rules (a recorded run's).
FAMILIES = ("dash", "runtime")


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule of the catalog, sorted by code."""
    found: list[Rule] = []
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith(FAMILIES):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(v for v in vars(module).values() if isinstance(v, Rule))
    codes = [r.code for r in found]
    duplicates = {c for c in codes if codes.count(c) > 1}
    if duplicates:
        raise RuntimeError(f"rule codes defined twice: {sorted(duplicates)}")
    return tuple(sorted(found, key=lambda r: r.code))


def rule_codes() -> tuple[str, ...]:
    """The catalog's codes, read from the module names without importing the rules (cheap:
    the CLI checks ``--select``/``--ignore`` with it while the probe is still running).

    >>> rule_codes()[:2], rule_codes()[-1]
    (('DASH001', 'DASH002'), 'RUNTIME003')
    """
    return tuple(sorted(
        info.name.split("_", 1)[0].upper()
        for info in pkgutil.iter_modules(__path__) if info.name.startswith(FAMILIES)
    ))


def runtime_rules() -> tuple[Rule, ...]:
    """The rules that read a recorded run (``RUNTIME0xx``), by code."""
    return tuple(r for r in all_rules() if r.needs_run)


def get_rule(code: str) -> Rule:
    """The rule with this code; ConfigError lists the known codes otherwise."""
    wanted = code.strip().upper()
    for candidate in all_rules():
        if candidate.code == wanted or candidate.name == code.strip().lower():
            return candidate
    raise ConfigError(
        f"unknown rule {code!r}; run 'python -m analysis rules' to list the codes"
    )
