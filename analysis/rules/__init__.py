"""The rule catalog: one module per rule (``dashNNN_name.py``, ``runtimeNNN_name.py``), discovered, never registered by hand."""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from typing import Callable

from analysis.errors import ConfigError
from analysis.rules._base import Rule, rule

__all__ = ["Rule", "rule", "all_rules", "get_rule", "rule_codes", "rules_to_run",
           "runtime_rules"]

#: The rule modules' name prefixes: the lint's rules, and the runtime rules (a recorded run's).
FAMILIES = ("dash", "runtime")


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule of the catalog, sorted by code."""
    return _rules_of(_module_names())


def _module_names() -> list[str]:
    """The rule modules (``dashNNN_name``, ``runtimeNNN_name``), sorted: the folder's ``.py``
    files, as ``pkgutil.iter_modules`` lists them (without importing pkgutil at start-up)."""
    return sorted(name[:-3] for name in os.listdir(__path__[0])
                  if name.startswith(FAMILIES) and name.endswith(".py"))


def rules_to_run(enabled: Callable[[str, bool], bool], static: bool) -> tuple[Rule, ...]:
    """The rules a run may run, sorted by code: those ``enabled(code, default)`` accepts (and,
    for a static snapshot, those that run in static mode), importing only their modules, as
    the generated ``_catalog`` tells them apart; every rule when a module is missing from it
    (a new rule before ``python docs/generate.py``). The caller still filters what it gets."""
    from analysis.rules._catalog import RULES

    names = _module_names()
    if any(name not in RULES for name in names):
        return all_rules()
    return _rules_of([name for name in names
                      if enabled(RULES[name][0], RULES[name][1]) and (RULES[name][2] or not static)])


def _rules_of(names: list[str]) -> tuple[Rule, ...]:
    found: list[Rule] = []
    for name in names:
        module = importlib.import_module(f"{__name__}.{name}")
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
    return tuple(sorted(name.split("_", 1)[0].upper() for name in _module_names()))


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
