"""Probe side (child process only): walk app and page layouts for component ids and types."""

# Loaded by analysis/probe/child.py by file path inside the child process; needs only stdlib + dash.

from __future__ import annotations

import inspect
import json
import sys
from enum import Enum
from typing import Any, Callable

import dash
from dash.development.base_component import Component

#: Guard against pathological trees (cycles through props, enormous generated layouts).
MAX_NODES = 200_000


def id_text(component_id: Any) -> str:
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"), default=str)
    return str(component_id)


def plain_id(component_id: Any) -> Any:
    if isinstance(component_id, dict):
        return {str(k): [v.value] if isinstance(v, Enum) else v for k, v in component_id.items()}
    return component_id if isinstance(component_id, str) else str(component_id)


class LayoutWalker:
    """Collects layouts, components with ids and the props of their types."""

    def __init__(self, relpath: Callable[[str], str]) -> None:
        self.relpath = relpath
        self.layouts: list[dict] = []
        self.components: list[dict] = []
        self.types: dict[str, list[str]] = {}

    def walk_app(self, app: Any, name: str, layout_name: str, with_pages: bool) -> None:
        """The app's layout, its validation_layout, and (if it uses pages) every page."""
        # Dash(__name__) names the module that made the app: its file holds the layout
        module = sys.modules.get(str(getattr(getattr(app, "config", None), "name", "") or ""))
        app_file = getattr(module, "__file__", None)
        file = self.relpath(app_file) if app_file else None
        self._walk(layout_name, name, lambda: _layout_attr(app, "layout"), file=file)
        if getattr(app, "validation_layout", None) is not None:
            self._walk(f"validation:{layout_name}" if layout_name != "app" else "validation",
                       name, lambda: _layout_attr(app, "validation_layout"), file=file)
        if not with_pages:
            return
        for module_name, page in list(dash.page_registry.items()):
            module = sys.modules.get(module_name)
            path = getattr(module, "__file__", None)
            self._walk(module_name, name, lambda page=page: _resolve(page.get("layout")),
                       path=page.get("path_template") or page.get("path"), file=self.relpath(path) if path else None)

    def _walk(self, layout_name: str, app_name: str, produce: Callable[[], Any],
              path: str | None = None, file: str | None = None) -> None:
        entry = {"name": layout_name, "app": app_name, "path": path, "file": file,
                 "error": None, "duplicate_ids": []}
        self.layouts.append(entry)
        try:
            tree = produce()
        except Exception as exc:  # noqa: BLE001 - the layout's own error is data
            entry["error"] = f"{type(exc).__name__}: {str(exc).strip()[:300]}"
            return
        seen: set[str] = set()
        duplicates: list[str] = []
        for component in _components(tree):
            kind = f"{component._namespace}.{component._type}"
            if kind not in self.types:
                props = list(getattr(component, "_prop_names", []))
                props += [f"{w}*" for w in getattr(component, "_valid_wildcard_attributes", [])
                          if f"{w}*" not in props]
                self.types[kind] = props
            component_id = getattr(component, "id", None)
            if component_id is None:
                continue
            text = id_text(component_id)
            if text in seen and text not in duplicates:
                duplicates.append(text)
            seen.add(text)
            self.components.append({"id": plain_id(component_id), "type": kind,
                                    "layout": layout_name})
        entry["duplicate_ids"] = duplicates


def _layout_attr(app: Any, attr: str) -> Any:
    return _resolve(getattr(app, attr, None))


def _resolve(layout: Any) -> Any:
    """A layout value, calling a layout function when it needs no arguments."""
    if callable(layout) and not isinstance(layout, Component):
        required = [p.name for p in inspect.signature(layout).parameters.values()
                    if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        if required:
            raise TypeError(f"layout function needs arguments {required}; not called")
        layout = layout()
    return layout


def _components(tree: Any):
    """Every Component in a tree: children and any other prop holding components."""
    stack = [tree]
    visited = 0
    while stack and visited < MAX_NODES:
        node = stack.pop()
        visited += 1
        if isinstance(node, Component):
            yield node
            for prop in getattr(node, "_prop_names", ()):
                value = getattr(node, prop, None)
                if isinstance(value, (Component, list, tuple, dict)):
                    stack.append(value)
        elif isinstance(node, (list, tuple)):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            stack.extend(v for v in node.values() if isinstance(v, (Component, list, tuple, dict)))
