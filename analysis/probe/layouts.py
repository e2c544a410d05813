"""Probe side (child process only): walk app and page layouts for component ids and types."""

# Loaded by analysis/probe/child.py by file path inside the child process; needs only stdlib + dash.

from __future__ import annotations

import inspect
import json
import sys
from enum import Enum
from typing import Any, Callable

import _dash_callback_explorer_defaults as defaults  # loaded by child.py before this module
import _dash_callback_explorer_guard as guard  # loaded by child.py before this module
from _dash_callback_explorer_plain import (  # loaded by child.py before this module
    MAX_CHOICES, OPAQUE, plain_value, scalars as _scalars,
)
import dash
from dash.development.base_component import Component

#: Guard against pathological trees (cycles through props, enormous generated layouts).
MAX_NODES = 200_000
#: The attribute capture.py sets on a component given an id: where the project created it.
SITE_ATTR = sys.modules["_dash_callback_explorer_capture"].SITE_ATTR
#: Attributes that name another element by id (see capture.py).
ID_REFERENCE_ATTRS = sys.modules["_dash_callback_explorer_capture"].ID_REFERENCE_ATTRS
#: Attributes whose value is a space-separated list of ids (HTML's IDREFS).
ID_LISTS = frozenset({"aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
                      "headers"})
#: Types whose ``target`` is a component id (elsewhere ``target`` names a browsing context).
ID_TARGETS = frozenset({"dash_bootstrap_components.Tooltip",
                        "dash_bootstrap_components.Popover"})
_ABSENT = object()


def id_text(component_id: Any) -> str:
    if guard.is_a(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"), default=str)
    return str(component_id)


def plain_id(component_id: Any) -> Any:
    if guard.is_a(component_id, dict):
        return {str(k): [v.value] if guard.is_a(v, Enum) else v
                for k, v in dict.items(component_id)}
    return component_id if guard.is_a(component_id, str) else str(component_id)


class LayoutWalker:
    """Collects layouts, components with ids, the props of their types and the JavaScript
    defaults of the types that have a component with an id."""

    def __init__(self, relpath: Callable[[str], str]) -> None:
        self.relpath = relpath
        self.layouts: list[dict] = []
        self.components: list[dict] = []
        self.references: list[dict] = []
        self.types: dict[str, list[str]] = {}
        self.defaults: dict[str, dict[str, Any]] = {}
        self._defaults_reader = defaults.DefaultsReader()

    def walk_app(self, app: Any, name: str, layout_name: str, with_pages: bool) -> None:
        """The app's layout, its validation_layout, and (if it uses pages) every page."""
        # Dash(__name__) names the module that made the app: its file holds the layout
        module_name = guard.attr(guard.attr(app, "config"), "name")
        module = sys.modules.get(module_name) if type(module_name) is str else None
        app_file = guard.module_file(module)
        file = self.relpath(app_file) if app_file else None
        self._walk(layout_name, name, lambda: _layout_attr(app, "layout"), file=file)
        if guard.attr(app, "validation_layout") is not None:
            self._walk(f"validation:{layout_name}" if layout_name != "app" else "validation",
                       name, lambda: _layout_attr(app, "validation_layout"), file=file)
        if not with_pages:
            return
        taken = {entry["name"] for entry in self.layouts if entry["app"] == name}
        for module_name, page in guard.items(dash.page_registry):
            if not (guard.is_a(module_name, str) and guard.is_a(page, dict)):
                continue
            path = guard.module_file(sys.modules.get(module_name))
            template = dict.get(page, "path_template") or dict.get(page, "path")
            # components name their layout by name: a page registered from the app's own
            # module (``register_page(__name__)`` in app.py) would share the shell's "app"
            page_name = module_name if module_name not in taken else f"{module_name} (page)"
            self._walk(page_name, name, lambda page=page: _resolve(dict.get(page, "layout")),
                       path=template if guard.is_a(template, str) else None,
                       file=self.relpath(path) if path else None)

    def _walk(self, layout_name: str, app_name: str, produce: Callable[[], Any],
              path: str | None = None, file: str | None = None) -> None:
        entry = {"name": layout_name, "app": app_name, "path": path, "file": file,
                 "error": None, "duplicate_ids": []}
        self.layouts.append(entry)
        tree, error = guard.outcome(produce)
        if error is not None:  # the layout's own error is data
            entry["error"] = guard.describe_error(error)
            return
        seen: set[str] = set()
        duplicates: list[str] = []
        for component, outer in _components(tree):
            kind = f"{guard.attr(component, '_namespace')}.{guard.attr(component, '_type')}"
            if kind not in self.types:
                props = _names(guard.attr(component, "_prop_names"))
                props += [f"{w}*" for w in _names(guard.attr(component,
                                                             "_valid_wildcard_attributes"))
                          if f"{w}*" not in props]
                self.types[kind] = props
            self._references(component, kind, layout_name)
            component_id = guard.attr(component, "id")
            if component_id is None:
                continue
            text, plain = guard.quietly(lambda: (id_text(component_id), plain_id(component_id)),
                                        (None, None))
            if text is None:  # an id that cannot be written: skipped
                continue
            if text in seen and text not in duplicates:
                duplicates.append(text)
            seen.add(text)
            file, line = _site(guard.attr(component, SITE_ATTR))
            self.components.append({"id": plain, "type": kind, "layout": layout_name,
                                    "file": file, "line": line,
                                    "initial": initial_values(component)})
            if kind not in self.defaults:
                self.defaults[kind] = self._type_defaults(component, kind)
            choices = guard.quietly(lambda: option_values(component), None)
            if choices is not None:  # left out, not null: most components have no options
                self.components[-1]["choices"] = choices
            within = outer.count(text)
            if within:  # left out when 0: a copy inside a copy of itself is rare
                self.components[-1]["within"] = within
        entry["duplicate_ids"] = duplicates

    def _references(self, component: Any, kind: str, layout_name: str) -> None:
        """Record each id the component's attributes name (an id or not, it may point at one)."""
        given = guard.quietly(lambda: object.__getattribute__(component, "__dict__"), None)
        if type(given) is not dict or ID_REFERENCE_ATTRS.isdisjoint(given):
            return
        site = None
        for attribute in sorted(ID_REFERENCE_ATTRS.intersection(given)):
            for target in _named_ids(attribute, dict.get(given, attribute), kind):
                if site is None:
                    site = _site(guard.attr(component, SITE_ATTR))
                self.references.append({"id": target, "attribute": attribute, "type": kind,
                                        "layout": layout_name, "file": site[0],
                                        "line": site[1]})

    def _type_defaults(self, component: Any, kind: str) -> dict[str, Any]:
        """The defaults the component's type sets in JavaScript, those ``plain_value`` keeps."""
        found = guard.quietly(lambda: self._defaults_reader.of(
            type(component), str(guard.attr(component, "_type")), self.types[kind]), {})
        return {prop: kept for prop, value in found.items()
                if (kept := plain_value(value)) != OPAQUE}


def _named_ids(attribute: str, value: Any, kind: str) -> list[str]:
    """The ids an attribute's value names: ``href`` only as ``#id``, ``target`` only on the
    types that take an id there, the IDREFS attributes split on spaces."""
    if type(value) is not str:
        return []
    if attribute == "href":
        return [value[1:]] if value.startswith("#") and len(value) > 1 else []
    if attribute == "target" and kind not in ID_TARGETS:
        return []
    return value.split() if attribute in ID_LISTS else [value] if value else []


def _site(value: Any) -> tuple[str | None, int | None]:
    """A recorded creation site as (file, line), (None, None) for anything else."""
    if type(value) is tuple and len(value) == 2 and type(value[0]) is str \
            and type(value[1]) is int:
        return value
    return None, None


def initial_values(component: Any) -> dict[str, Any]:
    """The props the layout gives the component (never ``id``), each as ``plain_value`` has it.

    A Dash component holds only the props it was given as attributes; the renderer passes
    ``None`` for the others on the first call, so absence here is data too."""
    values: dict[str, Any] = {}
    for prop in _names(guard.attr(component, "_prop_names")):
        if prop == "id":
            continue
        value = guard.attr(component, prop, _ABSENT)
        if value is not _ABSENT:
            values[prop] = plain_value(value)
    return values


#: Where a control lists what it can hold: ``dcc.RadioItems(options=)``, ``dmc.SegmentedControl(data=)``.
_OPTION_PROPS = ("options", "data")
#: The children types whose ``value`` is one a ``Tabs`` can hold (dcc.Tab, dmc.TabsTab).
_TAB_TYPES = frozenset({"Tab", "TabsTab"})


def option_values(component: Any) -> list[Any] | None:
    """The values a control with a ``value`` can be set to from its options: the scalars of
    its ``options``/``data`` (items, items' ``"value"``, or a dict's keys) or of its ``Tab``
    children's ``value`` (a ``Tabs``). None when not known, or more than ``MAX_CHOICES``."""
    if "value" not in _names(guard.attr(component, "_prop_names")):
        return None
    if guard.attr(component, "_type") == "Tabs":
        return _scalars(_tab_values(guard.attr(component, "children", None)))
    for prop in _OPTION_PROPS:
        options = guard.attr(component, prop, None)
        if type(options) is dict:
            return _scalars(list(options))
        if type(options) in (list, tuple) and options:
            return _scalars([o.get("value", _ABSENT) if type(o) is dict else o for o in options])
    return None


def _tab_values(children: Any, depth: int = 0) -> list[Any]:
    """The ``value`` of each Tab under a Tabs (dmc's sit in a TabsList: two levels)."""
    if depth > 2:
        return [_ABSENT]
    if type(children) not in (list, tuple):
        children = [children]
    found: list[Any] = []
    for child in children:
        if not guard.is_a(child, Component):
            continue
        if guard.attr(child, "_type") in _TAB_TYPES:
            found.append(guard.attr(child, "value", _ABSENT))
        elif guard.attr(child, "_type") == "TabsList":
            found += _tab_values(guard.attr(child, "children", None), depth + 1)
    return found


def _names(value: Any) -> list[str]:
    """A component class's list of property names, strings only."""
    return [name for _, name in guard.items(value) if type(name) is str]


def _layout_attr(app: Any, attr: str) -> Any:
    return _resolve(getattr(app, attr, None))


def _resolve(layout: Any) -> Any:
    """A layout value, calling a layout function when it needs no arguments."""
    if callable(layout) and not guard.is_a(layout, Component):
        required = [p.name for p in inspect.signature(layout).parameters.values()
                    if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        if required:
            raise TypeError(f"layout function needs arguments {required}; not called")
        layout = layout()
    return layout


def _components(tree: Any):
    """Every Component in a tree: children and any other prop holding components, each with
    the id texts of the components around it (outermost first).

    Containers are read by their real types and the built-in types' own methods, so a prop
    holding a proxy, or a list subclass whose ``__iter__`` raises, is skipped, not fatal."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(tree, ())]
    visited = 0
    while stack and visited < MAX_NODES:
        node, outer = stack.pop()
        visited += 1
        if guard.is_a(node, Component):
            yield node, outer
            own = guard.attr(node, "id")
            if own is not None:
                text = guard.quietly(lambda: id_text(own), None)
                outer = outer if text is None else (*outer, text)
            for prop in _names(guard.attr(node, "_prop_names")):
                value = guard.attr(node, prop)
                if guard.is_a(value, _CONTAINERS):
                    stack.append((value, outer))
        elif guard.is_a(node, (list, tuple)):
            stack.extend(reversed([(item, outer) for _, item in guard.items(node)]))
        elif guard.is_a(node, dict):
            stack.extend((v, outer) for _, v in guard.items(node)
                         if guard.is_a(v, _CONTAINERS))


_CONTAINERS = (Component, list, tuple, dict)
