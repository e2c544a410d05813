"""Static mode: the lru_cache'd callables a callback module sees, as the probe lists them."""

from __future__ import annotations

import ast

from analysis.static.modules import Module, Project
from analysis.static.values import final_name

_CACHES = ("lru_cache", "cache")


def _is_cache(node: ast.expr) -> bool:
    """``lru_cache``, ``functools.cache``, ``lru_cache(maxsize=...)``."""
    return final_name(node.func if isinstance(node, ast.Call) else node) in _CACHES


def cached_names(module: Module) -> set[str]:
    """Top-level names the module binds to a cache-wrapped callable: a decorated ``def``, or
    ``NAME = lru_cache(...)(f)`` / ``NAME = cache(f)``."""
    names = {s.name for s in module.tree.body
             if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
             and any(_is_cache(d) for d in s.decorator_list)}
    for name, value in module.constants.items():
        if isinstance(value, ast.Call) and (_is_cache(value.func) or (
                final_name(value.func) in _CACHES and value.args)):
            names.add(name)
    return names


def cached_functions(project: Project, modules: list[Module]) -> list[str]:
    """``module.name`` of each cached callable in the globals of ``modules`` (the callback
    modules), imported project helpers included: the snapshot's ``cached_functions``."""
    found = []
    for module in modules:
        names = cached_names(module)
        for local, (source, attribute) in module.imports.items():
            other = project.get(source) if attribute else None
            if other is not None and attribute in cached_names(other):
                names.add(local)
        found += [f"{module.name}.{name}" for name in sorted(names)]
    return sorted(found)
