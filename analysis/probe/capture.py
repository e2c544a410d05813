"""Probe side (child process only): instrument Dash and record every callback registration."""

# Loaded by analysis/probe/child.py by file path inside the child process; needs only stdlib + dash.

from __future__ import annotations

import bisect
import functools
import os
import sys
import types
from enum import Enum
from typing import Any

import _dash_callback_explorer_guard as guard  # loaded by child.py before this module
import dash
from dash import _callback
from dash.dependencies import DashDependency
from dash.development.base_component import Component

DASH_DIR = os.path.dirname(os.path.abspath(dash.__file__))
PROBE_DIR = os.path.dirname(os.path.abspath(__file__))
#: Where a component given an id was created, ``(file relative to the project root, line)``, set
#: on the instance under a name Dash never reads: its JSON and repr take only declared props and
#: ``data-*``/``aria-*`` attributes, and components compare by identity.
SITE_ATTR = "_dash_callback_explorer_site"
#: Attributes that name another element by id: HTML's IDREF(S) attributes, a link to "#id",
#: dash-bootstrap-components' Tooltip/Popover ``target``. A component given one is sited too.
ID_REFERENCE_ATTRS = frozenset({
    "htmlFor", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
    "aria-activedescendant", "list", "form", "headers", "href", "target",
})
# Dash keys a no-output, no-input callback by the first stack frame outside its package
# (dash._utils.create_callback_id). Our wrappers sit in that stack, so their code objects
# claim a file inside dash's package: the keys then stay exactly what Dash computes unprobed.
SHIM_FILE = os.path.join(DASH_DIR, "_callback_explorer_probe_shim.py")


_UNSEEN = object()
_IMPORTING = object()


def _as_dash_frames(function: types.FunctionType) -> types.FunctionType:
    function.__code__ = _relocate(function.__code__)
    return function


def _relocate(code: types.CodeType) -> types.CodeType:
    consts = tuple(_relocate(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=SHIM_FILE, co_consts=consts)


def installed_dirs() -> tuple[str, ...]:
    """Folders of installed code (site-packages, the interpreter's own library) as real paths
    ending in a separator: code there is a library's, not the project's."""
    import site
    import sysconfig

    dirs = set(sysconfig.get_paths().get(key) for key in
               ("purelib", "platlib", "stdlib", "platstdlib"))
    try:
        dirs.update(site.getsitepackages())
        dirs.add(site.getusersitepackages())
    except AttributeError:  # a virtualenv's trimmed site module
        pass
    return tuple(sorted({os.path.realpath(d) + os.sep for d in dirs if d}))


def in_dash(filename: str | None) -> bool:
    """True for a file of Dash's own package (its internal callbacks live there)."""
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
        # id(code) -> (code, its line table as sorted starts and (end, line) rows). Keyed by
        # id: hashing a module's code object hashes all of its constants, every time.
        self._line_tables: dict[int, tuple[types.CodeType, list[int], list[tuple]]] = {}
        # code filename -> its path in the project, None (not the project's: look further up
        # the stack) or _IMPORTING (import machinery: a module body outside the project).
        self._project_files: dict[str, Any] = {}
        self._root_prefix = os.path.abspath(root).rstrip(os.sep) + os.sep
        self._installed = installed_dirs()

    def install(self) -> None:
        recorder = self
        original_init = dash.Dash.__init__
        original_insert = _callback.insert_callback
        original_register = _callback.register_callback
        original_clientside = _callback.register_clientside_callback
        original_component_init = Component.__init__

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
            recorder.guarded(recorder.on_insert, key, callback_map, config_prevent, output,
                             inputs, state, inputs_state_indices, prevent_initial_call, kwargs)
            return key

        def register_callback(*args, **kwargs):
            before = len(recorder.registrations)
            decorator = original_register(*args, **kwargs)
            if len(recorder.registrations) != before + 1:
                return decorator
            record = recorder.registrations[-1]
            record.update(recorder.guarded(recorder.background_details, kwargs) or {})
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

        @functools.wraps(original_component_init)
        def component_init(self, *args, **kwargs):
            original_component_init(self, *args, **kwargs)
            # generated components pass on only the props given
            if "id" in kwargs or not ID_REFERENCE_ATTRS.isdisjoint(kwargs):
                guard.quietly(lambda: recorder.mark_site(self))

        for function in (init, run, insert_callback, register_callback,
                         register_clientside_callback, component_init):
            _as_dash_frames(function)
        Component.__init__ = component_init
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

    def guarded(self, function, *args):
        """Run a piece of our bookkeeping inside a target's registration call: our bug (or
        an odd value it meets) becomes a note, never an error blamed on the target's code."""
        try:
            return function(*args)
        except guard.FATAL:
            raise
        except BaseException as exc:  # noqa: BLE001 - any exception type an odd value raises
            self.note(f"the probe could not record a registration ({type(exc).__name__}); "
                      f"the analysis may miss that callback")
            return None

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
            "optional": bool(kwargs.get("optional", False)),
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
            return (filename, self._line_of(code, frame.f_lasti, frame))
        return None

    def mark_site(self, component: Any) -> None:
        """Note on a component being created where the project's code created it: the first
        frame up the stack in a project file (Dash, installed packages and files outside the
        project root are skipped: a library's helper is placed at the project line that called
        it). Nothing when the stack reaches the import of a module outside the project first."""
        frame = sys._getframe(1)
        while frame is not None:
            code = frame.f_code
            place = self._project_files.get(code.co_filename, _UNSEEN)
            if place is _UNSEEN:
                place = self._project_files[code.co_filename] = self._project_file(
                    code.co_filename)
            if place is _IMPORTING:
                return
            if place is not None:
                site = (place, self._line_of(code, frame.f_lasti, frame))
                object.__setattr__(component, SITE_ATTR, site)  # past a subclass's __setattr__
                return
            frame = frame.f_back

    def _project_file(self, filename: str) -> Any:
        """The file relative to the project root (``/`` separators) when it is the project's
        own code, else None, or _IMPORTING for the import machinery."""
        if filename.startswith("<frozen importlib"):
            return _IMPORTING
        if filename.startswith("<") or in_dash(filename):
            return None
        full = os.path.abspath(filename)
        if (not full.startswith(self._root_prefix) or full.startswith(PROBE_DIR + os.sep)
                or os.path.realpath(full).startswith(self._installed)):
            return None  # never an absolute path: code outside the project has no site
        return full[len(self._root_prefix):].replace(os.sep, "/")

    def _line_of(self, code: types.CodeType, offset: int, frame: types.FrameType) -> int:
        """``frame.f_lineno``, without its cost: CPython scans the code's line table from the
        start on every read, which for a module registering thousands of callbacks at top level
        makes the probe quadratic. The table is read once per code object here instead."""
        table = self._line_tables.get(id(code))
        if table is None:
            rows = sorted(code.co_lines(), key=lambda row: row[0])
            table = (code, [row[0] for row in rows], [(row[1], row[2]) for row in rows])
            self._line_tables[id(code)] = table
        _, starts, rest = table
        at = bisect.bisect_right(starts, offset) - 1
        if at >= 0:
            end, line = rest[at]
            if offset < end and line is not None:
                return line
        return frame.f_lineno
