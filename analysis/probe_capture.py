"""Probe side (child process only): instrument Dash and record every callback registration."""

# Loaded by analysis/probe.py by file path inside the child process; needs only stdlib + dash.

from __future__ import annotations

import ast
import inspect
import os
import textwrap
import sys
import types
from enum import Enum
from typing import Any

import dash
from dash import _callback
from dash.dependencies import DashDependency, Output

DASH_DIR = os.path.dirname(os.path.abspath(dash.__file__))
# Dash keys a no-output, no-input callback by the first stack frame outside its package
# (dash._utils.create_callback_id). Our wrappers sit in that stack, so their code objects
# claim a file inside dash's package: the keys then stay exactly what Dash computes unprobed.
SHIM_FILE = os.path.join(DASH_DIR, "_callback_explorer_probe_shim.py")


def _as_dash_frames(function: types.FunctionType) -> types.FunctionType:
    function.__code__ = _relocate(function.__code__)
    return function


def _relocate(code: types.CodeType) -> types.CodeType:
    consts = tuple(_relocate(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=SHIM_FILE, co_consts=consts)


def in_dash(filename: str | None) -> bool:
    return bool(filename) and os.path.abspath(filename).startswith(DASH_DIR + os.sep)


def dependency(dep: DashDependency) -> dict:
    """A Dash Input/State/Output as snapshot data (wildcards as ``["MATCH"]``)."""
    component_id = dep.component_id
    if isinstance(component_id, dict):
        component_id = {
            str(k): [v.value] if isinstance(v, Enum) else v for k, v in component_id.items()
        }
    return {
        "id": component_id,
        "property": dep.component_property,
        "allow_duplicate": bool(getattr(dep, "allow_duplicate", False)),
        "allow_optional": bool(getattr(dep, "allow_optional", False)),
    }


def _deps(items: Any) -> list[dict]:
    if items is None:
        return []
    if isinstance(items, DashDependency):
        items = [items]
    return [dependency(d) for d in items if isinstance(d, DashDependency)]


class Recorder:
    """Patches Dash before the target is imported and keeps what every registration said."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.instances: list[Any] = []  # every Dash (or subclass) instance, creation order
        self.registrations: list[dict] = []  # every successful insert_callback, in order
        self.notes: list[str] = []

    def install(self) -> None:
        recorder = self
        original_init = dash.Dash.__init__
        original_insert = _callback.insert_callback
        original_register = _callback.register_callback
        original_clientside = _callback.register_clientside_callback

        def init(self, *args, **kwargs):
            recorder.instances.append(self)
            try:
                original_init(self, *args, **kwargs)
            except BaseException:
                recorder.instances.remove(self)
                raise

        def run(self, *args, **kwargs):
            recorder.note("the target starts a server at import (app.run); the probe skipped it")

        def insert_callback(callback_list, callback_map, config_prevent, output, outputs_indices,
                            inputs, state, inputs_state_indices, prevent_initial_call,
                            *args, **kwargs):
            key = original_insert(callback_list, callback_map, config_prevent, output,
                                  outputs_indices, inputs, state, inputs_state_indices,
                                  prevent_initial_call, *args, **kwargs)
            recorder.on_insert(key, callback_map, config_prevent, output, inputs, state,
                               inputs_state_indices, prevent_initial_call, kwargs)
            return key

        def register_callback(*args, **kwargs):
            before = len(recorder.registrations)
            decorator = original_register(*args, **kwargs)
            if len(recorder.registrations) != before + 1:
                return decorator
            record = recorder.registrations[-1]
            record.update(recorder.background_details(kwargs))
            record["call_site"] = recorder.call_site()

            def take_function(func):
                record["func"] = func
                return decorator(func)

            return take_function

        def register_clientside_callback(callback_list, callback_map, config_prevent,
                                         inline_scripts, clientside_function, *args, **kwargs):
            before = len(recorder.registrations)
            result = original_clientside(callback_list, callback_map, config_prevent,
                                         inline_scripts, clientside_function, *args, **kwargs)
            if len(recorder.registrations) == before + 1:
                record = recorder.registrations[-1]
                record["clientside"] = dict(callback_list[-1].get("clientside_function") or {})
                record["js_source"] = (
                    clientside_function if isinstance(clientside_function, str) else None
                )
                record["call_site"] = recorder.call_site()
            return result

        for function in (init, run, insert_callback, register_callback,
                         register_clientside_callback):
            _as_dash_frames(function)
        dash.Dash.__init__ = init
        dash.Dash.run = run
        dash.Dash.run_server = run
        _callback.insert_callback = insert_callback
        _callback.register_callback = register_callback
        _callback.register_clientside_callback = register_clientside_callback
        try:
            import flask

            flask.Flask.run = run
        except ImportError:
            pass

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def on_insert(self, key, callback_map, config_prevent, output, inputs, state,
                  inputs_state_indices, prevent_initial_call, kwargs) -> None:
        no_output = bool(kwargs.get("no_output", False))
        effective = config_prevent if prevent_initial_call is None else prevent_initial_call
        self.registrations.append({
            "key": key,
            "map": callback_map,
            "entry": callback_map.get(key),
            "outputs": _deps(output),
            "inputs": _deps(inputs),
            "states": _deps(state),
            "multi_output": isinstance(output, (list, tuple)) and not no_output,
            "no_output": no_output,
            "arg_grouping": inputs_state_indices,
            "prevent_initial_call": prevent_initial_call,
            "prevent_initial_call_effective": effective is True,
            "background": False,
            "func": None,
            "clientside": None,
            "js_source": None,
            "call_site": None,
        })

    @staticmethod
    def background_details(kwargs: dict) -> dict:
        """What register_callback's keyword arguments say that insert_callback loses."""
        details: dict[str, Any] = {"running": []}
        running = kwargs.get("running")
        if running:
            if not isinstance(running[0], (list, tuple)):
                running = [running]
            details["running"] = _deps([r[0] for r in running if r])
        spec = kwargs.get("background")
        if spec:
            manager = spec.get("manager") or kwargs.get("manager")
            details.update(
                background=True,
                manager=manager,
                progress=_deps(spec.get("progress")),
                cancel=_deps(spec.get("cancel_inputs")),
            )
        return details

    def call_site(self) -> tuple[str, int] | None:
        """The (file, line) of the code that asked Dash to register: the first frame outside
        Dash's registration machinery. ("<dash>", 0) when Dash itself registered it."""
        frame = sys._getframe(1)
        while frame is not None:
            code = frame.f_code
            filename = code.co_filename
            if filename == SHIM_FILE or (
                in_dash(filename)
                and (filename.endswith("_callback.py")
                     or code.co_name in ("callback", "clientside_callback"))
            ):
                frame = frame.f_back
                continue
            if in_dash(filename):
                return ("<dash>", 0)
            return (filename, frame.f_lineno)
        return None


def callbacks(recorder: Recorder, app_of_map: dict[int, str], default_managers: dict[str, str]
              ) -> list[dict]:
    """Every registration as snapshot data, with ``dropped`` for those Dash's maps lost."""
    maps = [_callback.GLOBAL_CALLBACK_MAP] + [getattr(i, "callback_map", {})
                                             for i in recorder.instances]
    kept = {id(entry) for m in maps for entry in m.values()}
    result = []
    for index, record in enumerate(recorder.registrations):
        app = app_of_map.get(id(record["map"]))
        entry = {
            "index": index,
            "outputs": record["outputs"],
            "inputs": record["inputs"],
            "states": record["states"],
            "multi_output": record["multi_output"],
            "no_output": record["no_output"],
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
            entry.update(describe_clientside(record, recorder.root))
        else:
            entry.update(describe_function(record, recorder.root))
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


def describe_function(record: dict, root: str) -> dict:
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
    described.update(_source_and_def_line(inner, described["line"]))
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


def _source_and_def_line(func: Any, first_line: int | None) -> dict:
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


def describe_clientside(record: dict, root: str) -> dict:
    """Name, call site, JS and Python call text of a clientside callback."""
    namespace = record["clientside"].get("namespace", "")
    name = record["clientside"].get("function_name", "")
    js = record.get("js_source")
    function = f"clientside:inline.{name[:10]}" if js is not None else f"clientside:{namespace}.{name}"
    site = record.get("call_site") or ("<dash>", 0)
    described = {"function": function, "kind": "clientside", "js_source": js,
                 "internal": site[0] == "<dash>"}
    if site[0] != "<dash>":
        line, source = _statement_at(site[0], site[1])
        described.update(file=relpath(site[0], root), line=line, source=source)
    return described


def _statement_at(filename: str, line: int) -> tuple[int, str | None]:
    """The first line and text of the statement in filename that contains line."""
    try:
        with open(filename, encoding="utf-8") as handle:
            text = handle.read()
        tree = ast.parse(text)
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
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
    lines = text.splitlines()[best.lineno - 1:best.end_lineno]
    return best.lineno, "\n".join(lines) + "\n"
