"""Probe side (child process only): the defaults a component type sets in its JavaScript."""

# Loaded by analysis/probe/child.py by file path inside the child process; needs only stdlib.
#
# A prop the Python call leaves out is not in the layout, yet the component draws it with the
# default its JavaScript gives it (``dbc.Toast``'s ``is_open=True``). Component packages publish
# those defaults as react-docgen output: ``metadata.json`` beside the package (dash's own dcc and
# html, dash_ag_grid, ...), and the generated class docstrings (``- is_open (boolean; default
# True):``), which every package has (dash-bootstrap-components 2.x ships no metadata.json).
# Only literal values are kept, parsed as data, never evaluated.

from __future__ import annotations

import ast
import json
import os
import re
import sys
from typing import Any

import _dash_callback_explorer_guard as guard  # loaded by child.py before this module

#: Largest metadata.json read (dash_extensions ships 2 MB).
MAX_METADATA_BYTES = 8_000_000
#: Longest default (as JavaScript or docstring text) parsed.
MAX_TEXT = 200
#: Most defaults kept per component type.
MAX_DEFAULTS = 64
#: A top-level prop line of a generated docstring that states a default.
_DOC_LINE = re.compile(r"^- (?P<prop>[A-Za-z_][\w-]*) \(.*; default (?P<value>.*)\):?$")
#: What dash's generator writes for JavaScript keywords, inside strings too (fix_keywords).
_REWRITTEN = ("True", "False", "None")
_UNKNOWN = object()


class DefaultsReader:
    """Each component class's JavaScript defaults; every metadata.json is read at most once."""

    def __init__(self) -> None:
        self._published: dict[str, dict[str, list[dict]] | None] = {}

    def of(self, component_class: type, type_name: str, props: list[str]) -> dict[str, Any]:
        """``{prop: default}`` for the props of ``props`` whose default is a plain literal:
        from the package's metadata.json when it describes ``type_name``, else the docstring."""
        entries = self._metadata_entries(component_class, type_name)
        if entries is not None:
            found = {name: _from_javascript(spec.get("defaultValue"))
                     for name, spec in entries.items() if type(spec) is dict}
        else:
            found = _from_docstring(guard.static_attr(component_class, "__doc__"))
        wanted = set(props)
        kept = {name: value for name, value in found.items()
                if name in wanted and name != "id" and value is not _UNKNOWN}
        return dict(list(kept.items())[:MAX_DEFAULTS])

    def _metadata_entries(self, component_class: type, type_name: str) -> dict | None:
        """The ``props`` of the one metadata.json entry whose displayName is ``type_name``,
        searched from the class's module folder up through its enclosing packages."""
        module = sys.modules.get(guard.static_attr(component_class, "__module__"))
        path = guard.module_file(module)
        folder = os.path.dirname(os.path.abspath(path)) if path else None
        while folder:
            published = self._read(folder)
            if published is not None:
                entries = published.get(type_name, [])
                return entries[0] if len(entries) == 1 else None  # two namesakes: ambiguous
            if not os.path.isfile(os.path.join(folder, "__init__.py")):
                return None
            parent = os.path.dirname(folder)
            folder = parent if parent != folder else None
        return None

    def _read(self, folder: str) -> dict[str, list[dict]] | None:
        """displayName -> the ``props`` of each entry of ``folder/metadata.json``, or None."""
        if folder not in self._published:
            self._published[folder] = guard.quietly(lambda: _load(folder))
        return self._published[folder]


def _load(folder: str) -> dict[str, list[dict]] | None:
    path = os.path.join(folder, "metadata.json")
    if not os.path.isfile(path) or os.path.getsize(path) > MAX_METADATA_BYTES:
        return None
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    if type(data) is not dict:
        return None
    by_name: dict[str, list[dict]] = {}
    for entry in data.values():
        if type(entry) is dict and type(entry.get("displayName")) is str \
                and type(entry.get("props")) is dict:
            by_name.setdefault(entry["displayName"], []).append(entry["props"])
    return by_name


def _from_javascript(default: Any) -> Any:
    """A react-docgen ``defaultValue`` whose source text is a JSON literal or a quoted string."""
    if type(default) is not dict or default.get("computed") is not False:
        return _UNKNOWN
    text = default.get("value")
    if type(text) is not str or len(text) > MAX_TEXT:
        return _UNKNOWN
    try:
        return json.loads(text)
    except ValueError:
        pass
    if len(text) >= 2 and text[0] == text[-1] == "'":
        value = guard.quietly(lambda: ast.literal_eval(text), _UNKNOWN)
        return value if type(value) is str else _UNKNOWN
    return _UNKNOWN  # an expression, a constant (PersistenceTypes.local), an object literal


def _from_docstring(doc: Any) -> dict[str, Any]:
    """Scalar defaults stated on the docstring's top-level prop lines."""
    found: dict[str, Any] = {}
    if type(doc) is not str:
        return found
    for line in doc.splitlines():
        match = _DOC_LINE.match(line)
        if not match or len(match["value"]) > MAX_TEXT:
            continue
        value = guard.quietly(lambda: ast.literal_eval(match["value"]), _UNKNOWN)
        if type(value) is str and any(word in value for word in _REWRITTEN):
            continue  # the generator may have rewritten "true" inside the string
        if value is None or type(value) in (bool, int, float, str):
            found[match["prop"]] = value
    return found
