"""Probe side: a running app's registrations read back from its callback list and map (live plugin)."""

# Loaded by analysis/probe/child.py's load_siblings in the live app's own process (explorer/live):
# the app is imported and set up, so what the child's Recorder would have seen at import is read
# from Dash's own tables instead. Needs only stdlib + dash, like the other siblings.

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import sys
from typing import Any

import _dash_callback_explorer_capture as capture  # loaded by child.py before this module
import _dash_callback_explorer_guard as guard  # loaded by child.py before this module

#: Dash's template for an inline clientside function (dash/_callback.py): ``ns["<sha>"] = <js>;``
_INLINE = re.compile(r'ns\["(?P<name>[0-9a-f]{64})"\] = (?P<js>.*);\n}\)\(\);\s*$', re.DOTALL)

#: What Dash's tables do not keep, so a live snapshot cannot know (said in its notes).
LOST = ("call sites of clientside callbacks and where components were created are not known "
        "to a live snapshot")


def registrations(app: Any, root: str | None = None) -> list[dict]:
    """One record per entry of the app's callback list (global ones included once the server
    is set up), in the Recorder's shape (analysis/probe/capture.py ``on_insert``). ``root``:
    the project's folder, where inline clientside functions are looked for."""
    callback_map = guard.attr(app, "callback_map") or {}
    inline = _inline_sources(guard.attr(app, "_inline_scripts") or [])
    dash_own = _dash_clientside(app)
    sites = _inline_sites(set(inline), root)
    app_prevents = guard.attr(guard.attr(app, "config"), "prevent_initial_callbacks") is True
    records = []
    for spec in guard.attr(app, "_callback_list") or []:
        key = spec.get("output")
        entry = callback_map.get(key) or {}
        output = entry.get("output")
        no_output = bool(spec.get("no_output"))
        prevent = spec.get("prevent_initial_call") is True
        clientside = spec.get("clientside_function")
        func = entry.get("callback")
        background = entry.get("background") or {}
        records.append({
            "key": key,
            "map": callback_map,
            "entry": entry,
            "outputs": capture._deps(output),
            "inputs": capture._deps(entry.get("raw_inputs")) or _from_dicts(spec.get("inputs")),
            "states": _from_dicts(spec.get("state")),
            "multi_output": isinstance(output, (list, tuple)) and not no_output,
            "no_output": no_output,
            "optional": bool(spec.get("optional")),
            "arg_grouping": entry.get("inputs_state_indices"),
            # Dash keeps only the flag it resolved, the app's prevent_initial_callbacks applied
            # to a callback that gave none: False where the app prevents is what the callback
            # (or dash.callback, which the setting skips) asked for, and is read so, never
            # falling back to the app's setting; elsewhere an explicit False reads as "not given"
            "prevent_initial_call": True if prevent else False if app_prevents else None,
            "prevent_initial_call_effective": prevent,
            "background": bool(background),
            "manager": entry.get("manager"),
            # Dash keeps a background callback's progress Outputs and cancel Inputs as objects,
            # and running= only as "id.prop" keys of the renderer's spec
            "progress": capture._deps(background.get("progress")),
            # (server setup pops cancel_inputs, leaving their to_dict() form in "cancel")
            "cancel": (capture._deps(background.get("cancel_inputs"))
                       or _from_dicts(background.get("cancel"))),
            "running": _running(spec.get("running")),
            # the function the app's code decorated, not Dash's add_context around it
            "func": guard.attr(func, "__wrapped__", func) if func is not None else None,
            "clientside": dict(clientside) if clientside else None,
            "js_source": inline.get((clientside or {}).get("function_name")),
            # Dash's own clientside callbacks are placed in Dash (internal), as the probe
            # does: the Pages title and those of plugins' hooks; an inline one where the
            # project wrote its code; any other is unknown (None)
            "call_site": _DASH_SITE if clientside and (
                key.startswith("_pages_dummy.")
                or (clientside.get("namespace"), clientside.get("function_name")) in dash_own)
            else sites.get((clientside or {}).get("function_name")),
        })
    return records


#: The call site the probe gives a callback Dash itself registered.
_DASH_SITE = ("<dash>", 0)


def _dash_clientside(app: Any) -> set[tuple[str, str]]:
    """(namespace, function name) of the clientside callbacks plugins' hooks register
    (``hooks.clientside_callback``): Dash adds them to every app, as Dash's own."""
    hooks = guard.attr(guard.attr(app, "_hooks"), "hooks")
    found = set()
    for function, *_ in guard.attr(hooks, "_clientside_callbacks") or []:
        if isinstance(function, str):  # named as dash/_callback.py names inline code
            found.add(("_dashprivate_clientside_funcs",
                       hashlib.sha256(function.encode("utf-8")).hexdigest()))
        else:
            found.add((guard.attr(function, "namespace"), guard.attr(function, "function_name")))
    return found


def _inline_sites(names: set[str], root: str | None) -> dict[str, tuple[str, int]]:
    """Where the project wrote each inline clientside function: the string constant whose
    SHA-256 Dash named it by, in the files of the loaded modules under ``root`` (installed
    ones left out). Code built at run time, or written in a package, stays unknown."""
    if not names or not root:
        return {}
    inside = os.path.realpath(root) + os.sep
    installed = capture.installed_dirs()
    files = set()
    for module in list(sys.modules.values()):
        path = guard.attr(module, "__file__")
        if isinstance(path, str) and path.endswith(".py"):
            real = os.path.realpath(path)
            if real.startswith(inside) and not real.startswith(installed):
                files.add(path)
    found: dict[str, tuple[str, int]] = {}
    for path in sorted(files):
        try:
            with open(path, encoding="utf-8") as handle:
                tree = ast.parse(handle.read())
        except (OSError, SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                try:
                    digest = hashlib.sha256(node.value.encode("utf-8")).hexdigest()
                except UnicodeEncodeError:  # a lone surrogate: never a function Dash hashed
                    continue
                if digest in names:
                    found.setdefault(digest, (path, node.lineno))
    return found


def _from_dicts(items: Any) -> list[dict]:
    """Dependencies Dash kept only as ``{"id", "property"}`` dicts (a pattern-matching id
    stringified, as the renderer reads it back)."""
    return [{"id": _component_id(item.get("id")), "property": item.get("property"),
             "allow_duplicate": False, "allow_optional": bool(item.get("allow_optional"))}
            for item in items or [] if isinstance(item, dict)]


def _component_id(value: Any) -> Any:
    """A component id as the snapshot keeps it: Dash stringifies a dict id (``stringify_id``:
    sorted JSON) in its callback list, and its renderer parses any id starting with ``{``
    back (``parseIfWildcard``), so this does too; wildcards stay ``["ALL"]``."""
    if isinstance(value, str) and value.startswith("{"):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        return parsed if isinstance(parsed, dict) else value
    return value


def _running(spec: Any) -> list[dict]:
    """``running=`` Outputs from the spec Dash sends the renderer: ``{"running": {"id.prop":
    value}, ...}`` (a dict id as its JSON; a property has no dot, so the last dot splits)."""
    keys = (spec.get("running") or {}) if isinstance(spec, dict) else {}
    found = []
    for key in keys:
        component, _, prop = str(key).rpartition(".")
        found.append({"id": _component_id(component), "property": prop,
                      "allow_duplicate": False, "allow_optional": False})
    return found


def _inline_sources(scripts: list) -> dict[str, str]:
    """Inline clientside functions by the hash Dash names them with."""
    found = {}
    for script in scripts:
        match = _INLINE.search(script) if isinstance(script, str) else None
        if match:
            found[match["name"]] = match["js"]
    return found
