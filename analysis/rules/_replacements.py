"""DASH071's view of ids in pages the renderer never checks: placeholders and load triggers."""

from __future__ import annotations

from typing import Mapping, Protocol

from analysis.context import LintContext
from analysis.rules._children import built_in_children
from analysis.snapshot import Callback, Component, Dependency
from analysis.source.python import names_read
from analysis.source.signature import dependency_parameters


class _Accepts(Protocol):
    def accepts(self, prop: str) -> bool: ...


class Replacements:
    """Per lint run: which layouts the renderer validates, and what each app's callbacks build."""

    def __init__(self, ctx: LintContext, types: Mapping[str, _Accepts]) -> None:
        self._ctx = ctx
        self._types = types
        self._pages = {layout.name for layout in ctx.snapshot.layouts if layout.path is not None}
        self._built: dict[str | None, dict[str, set[str]]] = {}
        self._written: dict[str | None, set[tuple[str, str]]] = {}

    def unchecked(self, callback: Callback, components: list[Component]) -> bool:
        """True when the renderer never validates these components' props: they are only in
        pages, which arrive after its one check (``validateCallbacksToLayout`` at hydration)
        and, under ``suppress_callback_exceptions``, are not in the ``validation_layout`` Dash
        builds from every page. Anywhere else an unknown prop is an error in the dev tools."""
        app = self._ctx.app_of(callback)
        return (app is not None and app.suppress_callback_exceptions
                and all(c.layout in self._pages for c in components))

    def built_with(self, callback: Callback, dependency: Dependency, prop: str) -> bool:
        """True when a callback of the app that writes ``children`` builds a component with
        this id (``dcc.Graph(id="map")``) of a type that has ``prop``, or whose props are not
        known (the probe records the props of the types in layouts only): the layout's
        component is a placeholder it replaces."""
        if not isinstance(dependency.id, str):
            return False
        names = self._facts(callback)[0].get(dependency.id, set())
        known = {kind.rsplit(".", 1)[-1]: accepts for kind, accepts in self._types.items()}
        return any(name not in known or known[name].accepts(prop) for name in names)

    def load_trigger(self, callback: Callback, dependency: Dependency) -> bool:
        """True for an Input used only to run the callback when its component appears: the
        initial call is not prevented, nothing writes the property, and the function never
        reads the argument (a typo'd prop whose value is read stays reported)."""
        if (dependency not in callback.inputs or callback.prevent_initial_call_effective
                or not isinstance(dependency.id, str)
                or (dependency.id, dependency.property) in self._facts(callback)[1]):
            return False
        function = self._ctx.function(callback)
        if function is None:
            return False
        parameters = dependency_parameters(function, callback.arg_grouping) or {}
        name = parameters.get(callback.inputs.index(dependency))
        return name is not None and name not in names_read(function)

    def _facts(self, callback: Callback) -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
        """(id -> type names built by the app's children writers, (id, prop) written)."""
        app = self._ctx.app_of(callback)
        key = app.name if app else None
        if key not in self._built:
            built: dict[str, set[str]] = {}
            for _, component_id, name in built_in_children(self._ctx, app, set_props=True):
                built.setdefault(component_id, set()).add(name)
            written: set[tuple[str, str]] = set()
            for other in self._ctx.callbacks:
                if self._ctx.app_of(other) == app:
                    written.update((d.id_str, d.property.split("@", 1)[0]) for d in other.outputs)
                    written.update((i if isinstance(i, str) else "", p)
                                   for i, p in self._ctx.set_props_targets(other))
            self._built[key], self._written[key] = built, written
        return self._built[key], self._written[key]
