"""Probe side (child process only): turn recorded registrations into snapshot callbacks."""

# Loaded by analysis/probe/child.py by file path inside the child process; needs only stdlib + dash.

from __future__ import annotations

import ast
import inspect
import os
import sys
import textwrap
import types
from typing import Any

import _dash_callback_explorer_guard as guard  # loaded by child.py before this module
from dash import _callback

# child.py loads capture.py first: its in_dash is the one test for "a file of Dash's own package",
# its installed_dirs the one list of where installed code lives.
in_dash = sys.modules["_dash_callback_explorer_capture"].in_dash
installed_dirs = sys.modules["_dash_callback_explorer_capture"].installed_dirs


class InstalledCode:
    """Files of installed packages (site-packages, the interpreter's own library): callbacks
    defined there come from a library, not from the project. The target's own package counts
    as the project even when it is installed."""

    def __init__(self, own_dir: str | None) -> None:
        self.dirs = installed_dirs()
        self.own = os.path.realpath(own_dir) + os.sep if own_dir else None
        self._known: dict[str, bool] = {}

    def __contains__(self, filename: object) -> bool:
        if not isinstance(filename, str) or filename.startswith("<"):
            return False
        if filename not in self._known:
            path = os.path.realpath(filename)
            self._known[filename] = path.startswith(self.dirs) and not (
                self.own and path.startswith(self.own))
        return self._known[filename]


def callbacks(registrations: list[dict], instances: list, root: str, app_of_map: dict[int, str],
              default_managers: dict[str, str | None], own_dir: str | None = None) -> list[dict]:
    """Every registration as snapshot data, with ``dropped`` for those Dash's maps lost."""
    maps = [_callback.GLOBAL_CALLBACK_MAP] + [guard.attr(i, "callback_map") for i in instances]
    kept = {id(entry) for m in maps for _, entry in guard.items(m)}
    result = []
    sources = SourceIndex()  # each file read and parsed once, however many callbacks it has
    installed = InstalledCode(own_dir)
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
        file = entry.get("file")
        entry["library"] = bool(file) and not entry["internal"] and \
            os.path.join(root, file) in installed  # join keeps an absolute file as it is
        result.append(entry)
    return result


def of_apps(registrations: list[dict], instances: list) -> list[dict]:
    """The registrations on these apps' own callback lists or on Dash's global one
    (``dash.callback``, which the primary app serves): what ``module:attr`` reports."""
    maps = {id(_callback.GLOBAL_CALLBACK_MAP)} | {id(guard.attr(i, "callback_map"))
                                                  for i in instances}
    return [record for record in registrations if id(record["map"]) in maps]


def relpath(path: str | None, root: str) -> str | None:
    """The path relative to root when inside it (``/`` separators), else absolute."""
    if not path or path.startswith("<"):
        return path or None
    full = os.path.abspath(path)
    prefix = os.path.abspath(root).rstrip(os.sep) + os.sep
    if full.startswith(prefix):  # both normalised: the rest is the relative path
        return full[len(prefix):].replace(os.sep, "/")
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
    missing = object()
    while len(layers) < 100:
        wrapped = guard.attr(layers[-1], "__wrapped__", missing)
        if wrapped is missing or any(wrapped is seen for seen in layers):
            break
        layers.append(wrapped)
    inner = layers[-1]
    code = guard.attr(inner, "__code__")
    code = code if guard.is_a(code, types.CodeType) else None
    module = _string(guard.attr(inner, "__module__"))
    qualname = _string(guard.attr(inner, "__qualname__")) or \
        _string(guard.attr(inner, "__name__")) or guard.represent(inner, 100)
    filename = code.co_filename if code is not None else None
    described = {
        "function": f"{module}.{qualname}" if module else qualname,
        "kind": "server",
        "module": module,
        "file": relpath(filename, root),
        "line": code.co_firstlineno if code is not None else None,
        "is_async": _is_async(inner) or _is_async(func),
        "wrappers": [_wrapper_name(w) for w in layers[:-1]],
        "internal": in_dash(filename),
    }
    described.update(sources.function(inner, filename, described["line"]))
    return described


def _string(value: Any) -> str | None:
    return value if guard.is_a(value, str) else None


def _is_async(func: Any) -> bool:
    return guard.quietly(lambda: inspect.iscoroutinefunction(func), False)


def _wrapper_name(layer: Any) -> str:
    kind = type(layer)
    if kind.__module__ == "functools" and kind.__name__ == "_lru_cache_wrapper":
        return "functools.lru_cache"
    code = guard.attr(layer, "__code__")
    if guard.is_a(code, types.CodeType):
        namespace = guard.attr(layer, "__globals__")
        owner = _string(dict.get(namespace, "__name__")) if guard.is_a(namespace, dict) else None
        owner = owner or "?"
        return f"{owner}.{code.co_qualname if hasattr(code, 'co_qualname') else code.co_name}"
    return f"{kind.__module__}.{kind.__qualname__}"


def describe_clientside(record: dict, root: str, sources: "SourceIndex") -> dict:
    """Name, call site, JS and Python call text of a clientside callback."""
    namespace = record["clientside"].get("namespace", "")
    name = record["clientside"].get("function_name", "")
    js = record.get("js_source")
    function = f"clientside:inline.{name[:10]}" if js is not None else f"clientside:{namespace}.{name}"
    site = record.get("call_site")  # None: not known (a live snapshot's), not Dash's own
    described = {"function": function, "kind": "clientside", "js_source": js,
                 "internal": bool(site) and site[0] == "<dash>"}
    if site and site[0] != "<dash>":
        line, source = sources.statement_at(site[0], site[1])
        described.update(file=relpath(site[0], root), line=line, source=source)
    return described


class SourceIndex:
    """Source files read once per probe run, and functions cut out of them without parsing.

    ``inspect.getsource`` re-tokenises a file for every function, and parsing a whole file
    costs as much as importing it: on a 5,000-callback app either was a large share of the
    probe's time. A function's code object already knows its extent: ``co_firstlineno`` is
    its first decorator's line and the instruction positions (nested functions included) end
    on its last line. Anything that does not fit falls back to ``inspect``.
    """

    def __init__(self) -> None:
        self._lines: dict[str, list[str]] = {}
        self._trees: dict[str, ast.AST | None] = {}  # parsed only for clientside call sites

    def lines(self, filename: str) -> list[str]:
        if filename not in self._lines:
            try:
                with open(filename, encoding="utf-8") as handle:
                    # At newlines only, as Python numbers lines (str.splitlines also splits
                    # at form feeds, shifting every later line); same as analysis.source.prefetch.
                    lines = handle.read().split("\n")
                self._lines[filename] = [line + "\n" for line in lines[:-1]] + (
                    [lines[-1]] if lines[-1] else [])
            except (OSError, UnicodeDecodeError, ValueError):
                self._lines[filename] = []
        return self._lines[filename]

    def function(self, func: Any, filename: str | None, first_line: int | None) -> dict:
        """The function's source (decorators included) and its ``def`` line."""
        code = guard.attr(func, "__code__")
        if filename and first_line and guard.is_a(code, types.CodeType) and \
                code.co_name != "<lambda>":
            found = _cut_function(self.lines(filename), code, first_line)
            if found is not None:
                return found
        return _inspected_source(func)  # lambdas, exec'd code: inspect knows more ways

    def statement_at(self, filename: str, line: int) -> tuple[int, str | None]:
        """The first line and text of the simple statement in filename that contains line."""
        lines = self.lines(filename)
        if filename not in self._trees:
            try:
                self._trees[filename] = ast.parse("".join(lines))
            except (SyntaxError, ValueError):
                self._trees[filename] = None
        tree = self._trees[filename]
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


def _last_line(code: types.CodeType) -> int:
    """The last source line any instruction of the code (or of code nested in it) covers."""
    last = code.co_firstlineno
    for _, end, _, _ in code.co_positions():
        if end is not None and end > last:
            last = end
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            last = max(last, _last_line(const))
    return last


def _cut_function(lines: list[str], code: types.CodeType, first_line: int) -> dict | None:
    """Source and def line of the function whose code starts at first_line, or None."""
    def_index = None
    for index in range(first_line - 1, min(len(lines), first_line + 200)):
        text = lines[index].lstrip()
        if text.startswith(("def ", "async def ")) and \
                text.split("def ", 1)[1].lstrip().startswith(code.co_name + "("):
            def_index = index
            break
    if def_index is None:
        return None
    indent = len(lines[def_index]) - len(lines[def_index].lstrip())
    end = _last_line(code)  # 1-based, inclusive
    while end < len(lines):  # trailing comments and blank lines still inside the block
        text = lines[end]
        if text.strip() and (len(text) - len(text.lstrip()) <= indent
                             or not text.lstrip().startswith("#")):
            break
        end += 1
    while end > def_index + 1 and not lines[end - 1].strip():
        end -= 1
    source = "".join(lines[first_line - 1:end])
    if not source.endswith("\n"):
        source += "\n"
    return {"source": source, "def_line": def_index + 1}


def _inspected_source(func: Any) -> dict:
    # no source, or a callable whose attributes raise: no source either
    lines, start = guard.quietly(lambda: inspect.getsourcelines(func), ([], None))
    if start is None:
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
        namespace = guard.module_globals(sys.modules.get(module_name))
        for name, value in sorted(namespace.items(), key=lambda item: str(item[0])):
            if _is_cached(value):
                found.append(f"{module_name}.{name}")
    return found


def _is_cached(value: Any) -> bool:
    """A cache-wrapped callable (``functools.lru_cache``/``cache`` and look-alikes): a
    ``cache_info`` method and a ``__wrapped__`` function, read as stored, so a global's
    ``__getattr__`` or properties (a werkzeug proxy raising outside a request, a lazy module
    loading, a property with side effects) never run."""
    return (callable(value) and not guard.is_a(value, type)
            and callable(guard.static_attr(value, "cache_info"))
            and guard.has_static(value, "__wrapped__"))
