"""Probe side (child process only): turn recorded registrations into snapshot callbacks."""

# Loaded by analysis/probe.py by file path inside the child process; needs only stdlib + dash.

from __future__ import annotations

import ast
import inspect
import os
import sys
import textwrap
from typing import Any

import dash
from dash import _callback

DASH_DIR = os.path.dirname(os.path.abspath(dash.__file__))


def in_dash(filename: str | None) -> bool:
    """True for a file of Dash's own package (its internal callbacks live there)."""
    return bool(filename) and os.path.abspath(filename).startswith(DASH_DIR + os.sep)


def callbacks(registrations: list[dict], instances: list, root: str, app_of_map: dict[int, str],
              default_managers: dict[str, str | None]) -> list[dict]:
    """Every registration as snapshot data, with ``dropped`` for those Dash's maps lost."""
    maps = [_callback.GLOBAL_CALLBACK_MAP] + [getattr(i, "callback_map", {}) for i in instances]
    kept = {id(entry) for m in maps for entry in m.values()}
    result = []
    sources = SourceIndex()  # each file read and parsed once, however many callbacks it has
    for index, record in enumerate(registrations):
        app = app_of_map.get(id(record["map"]))
        entry = {
            "index": index,
            "outputs": record["outputs"],
            "inputs": record["inputs"],
            "states": record["states"],
            "multi_output": record["multi_output"],
            "no_output": record["no_output"],
            "optional": record.get("optional", False),
            "output_key": record["key"],
            "arg_grouping": record["arg_grouping"],
            "prevent_initial_call": record["prevent_initial_call"],
            "prevent_initial_call_effective": record["prevent_initial_call_effective"],
            "background": bool(record.get("background")),
            "progress": record.get("progress", []),
            "cancel": record.get("cancel", []),
            "running": record.get("running", []),
            "app": app,
            "dropped": id(record["entry"]) not in kept,
        }
        if entry["background"]:
            manager = record.get("manager")
            entry["background_manager"] = (
                type(manager).__name__ if manager is not None
                else default_managers.get(app or "", None)
            )
        if record["clientside"] is not None:
            entry.update(describe_clientside(record, root, sources))
        else:
            entry.update(describe_function(record, root, sources))
        result.append(entry)
    return result


def relpath(path: str | None, root: str) -> str | None:
    """The path relative to root when inside it (``/`` separators), else absolute."""
    if not path or path.startswith("<"):
        return path or None
    full = os.path.abspath(path)
    if full.startswith(root.rstrip(os.sep) + os.sep):
        return os.path.relpath(full, root).replace(os.sep, "/")
    return full


def describe_function(record: dict, root: str, sources: "SourceIndex") -> dict:
    """Name, place, source and flags of a server callback's function."""
    func = record.get("func")
    site = record.get("call_site")
    if func is None:  # registered, but the decorator was never applied to a function
        return {"function": "<never decorated>", "kind": "server",
                "file": relpath(site[0], root) if site and site[1] else None,
                "line": site[1] if site and site[1] else None,
                "internal": bool(site) and site[0] == "<dash>"}
    layers = [func]  # what inspect.unwrap walks, kept to name each wrapper
    while hasattr(layers[-1], "__wrapped__") and len(layers) < 100:
        wrapped = layers[-1].__wrapped__
        if any(wrapped is seen for seen in layers):
            break
        layers.append(wrapped)
    inner = layers[-1]
    code = getattr(inner, "__code__", None)
    module = getattr(inner, "__module__", None)
    qualname = getattr(inner, "__qualname__", None) or getattr(inner, "__name__", repr(inner))
    filename = code.co_filename if code is not None else None
    described = {
        "function": f"{module}.{qualname}" if module else qualname,
        "kind": "server",
        "module": module,
        "file": relpath(filename, root),
        "line": code.co_firstlineno if code is not None else None,
        "is_async": inspect.iscoroutinefunction(inner) or inspect.iscoroutinefunction(func),
        "wrappers": [_wrapper_name(w) for w in layers[:-1]],
        "internal": in_dash(filename),
    }
    described.update(sources.function(inner, filename, described["line"]))
    return described


def _wrapper_name(layer: Any) -> str:
    kind = type(layer)
    if kind.__module__ == "functools" and kind.__name__ == "_lru_cache_wrapper":
        return "functools.lru_cache"
    code = getattr(layer, "__code__", None)
    if code is not None:
        owner = getattr(layer, "__globals__", {}).get("__name__", "?")
        return f"{owner}.{code.co_qualname if hasattr(code, 'co_qualname') else code.co_name}"
    return f"{kind.__module__}.{kind.__qualname__}"


def describe_clientside(record: dict, root: str, sources: "SourceIndex") -> dict:
    """Name, call site, JS and Python call text of a clientside callback."""
    namespace = record["clientside"].get("namespace", "")
    name = record["clientside"].get("function_name", "")
    js = record.get("js_source")
    function = f"clientside:inline.{name[:10]}" if js is not None else f"clientside:{namespace}.{name}"
    site = record.get("call_site") or ("<dash>", 0)
    described = {"function": function, "kind": "clientside", "js_source": js,
                 "internal": site[0] == "<dash>"}
    if site[0] != "<dash>":
        line, source = sources.statement_at(site[0], site[1])
        described.update(file=relpath(site[0], root), line=line, source=source)
    return described


class SourceIndex:
    """Source files read and parsed once per probe run.

    ``inspect.getsource`` re-tokenises a file for every function: on a 5,000-callback app
    that cost more than importing it. Here each file is parsed once and every function is
    found by its first line (``co_firstlineno`` is the first decorator's line).
    """

    def __init__(self) -> None:
        self._files: dict[str, tuple[list[str], ast.AST | None, dict[int, ast.AST]]] = {}

    def _file(self, filename: str) -> tuple[list[str], ast.AST | None, dict[int, ast.AST]]:
        if filename not in self._files:
            try:
                with open(filename, encoding="utf-8") as handle:
                    text = handle.read()
                tree = ast.parse(text)
            except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
                self._files[filename] = ([], None, {})
                return self._files[filename]
            functions = {}
            for node in ast.walk(tree):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                    functions.setdefault(first, node)
            self._files[filename] = (text.splitlines(keepends=True), tree, functions)
        return self._files[filename]

    def function(self, func: Any, filename: str | None, first_line: int | None) -> dict:
        """The function's source (decorators included) and its ``def`` line."""
        if filename and first_line:
            lines, _, functions = self._file(filename)
            node = functions.get(first_line)
            if node is not None:
                return {"source": "".join(lines[first_line - 1:node.end_lineno]),
                        "def_line": node.lineno}
        return _inspected_source(func)  # lambdas, exec'd code: inspect knows more ways

    def statement_at(self, filename: str, line: int) -> tuple[int, str | None]:
        """The first line and text of the simple statement in filename that contains line."""
        lines, tree, _ = self._file(filename)
        if tree is None:
            return line, None
        best = None
        for node in ast.walk(tree):
            if isinstance(node, ast.stmt) and not isinstance(
                    node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For,
                           ast.While, ast.With, ast.Try)) \
                    and node.lineno <= line <= (node.end_lineno or node.lineno):
                if best is None or node.lineno >= best.lineno:
                    best = node
        if best is None:
            return line, None
        return best.lineno, "".join(lines[best.lineno - 1:best.end_lineno]).rstrip("\n") + "\n"


def _inspected_source(func: Any) -> dict:
    try:
        lines, start = inspect.getsourcelines(func)
    except (OSError, TypeError):
        return {"source": None, "def_line": None}
    source = "".join(lines)
    def_line = None
    try:
        tree = ast.parse(textwrap.dedent(source))
        node = next((n for n in ast.walk(tree)
                     if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))), None)
        if node is not None:
            def_line = start + node.lineno - 1
    except SyntaxError:  # a lambda inside a larger expression: keep the text, no def line
        pass
    return {"source": source, "def_line": def_line}


def cached_functions(entries: list[dict]) -> list[str]:
    """``module.name`` of each lru_cache'd callable in the globals of a callback's module.

    Imported helpers count too: a callback calls them by their name in its own module.
    """
    found = []
    for module_name in sorted({e["module"] for e in entries if e.get("module")}):
        module = sys.modules.get(module_name)
        for name, value in sorted(vars(module).items()) if module else ():
            if hasattr(value, "cache_info") and hasattr(value, "__wrapped__"):
                found.append(f"{module_name}.{name}")
    return found
