"""Layout lookups shared by the id rules (DASH063, DASH070-DASH080): which ids an app can show."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from analysis.patterns import OverlapIndex
from analysis.snapshot import (
    AppInfo, Callback, Component, ComponentId, Dependency, Layout, Snapshot, id_to_str,
)

#: Components of one string id that lookups return: an id on more components is already
#: an error (DASH072, which reads every component), and each rule asking about that id for
#: each of N callbacks would otherwise read all N copies (N², issue 13).
MATCHED_COPIES = 64
#: (component id, property) pairs a callback writes through literal ``set_props`` calls.
SetPropsWrites = Callable[[Callback], list[tuple[str | dict, str]]]


@dataclass(frozen=True)
class AppLayouts:
    """The layouts (the app's own, its validation_layout and its pages') of one app and the
    components in them."""

    layouts: tuple[Layout, ...]
    components: tuple[Component, ...]
    #: Components by plain string id: one pass instead of a scan per dependency keeps lint
    #: linear on 5,000-callback apps.
    by_text_id: Mapping[str, tuple[Component, ...]] = field(compare=False, repr=False)

    @property
    def complete(self) -> bool:
        """True when at least one layout was walked and none failed or was left unresolved
        by static mode: absence then means absent."""
        return bool(self.layouts) and not any(layout.error or layout.unresolved
                                              for layout in self.layouts)

    def matching(self, component_id: ComponentId) -> list[Component]:
        """Components whose id is this id, or matches it as a pattern (the way Dash matches)."""
        if isinstance(component_id, str):
            return list(self.by_text_id.get(component_id, ()))
        return list(self._matching_dict(id_to_str(component_id), component_id))

    def _matching_dict(self, text: str, component_id: dict) -> tuple[Component, ...]:
        # A scan of every component per dict id was N² on pattern-matching apps (issue 13):
        # components are indexed by their keys and values once, and each distinct id (many
        # callbacks share one ALL id) is looked up once.
        memo = self.__dict__.setdefault("_memo", {})
        if text not in memo:
            index = self.__dict__.get("_index")
            if index is None:
                index = self.__dict__["_index"] = {}
                for component in self.components:
                    if isinstance(component.id, dict):
                        index.setdefault(frozenset(component.id), OverlapIndex()).add(
                            component.id, component)
            by_keys = index.get(frozenset(component_id))
            memo[text] = tuple(by_keys.overlapping(component_id)) if by_keys else ()
        return memo[text]

    def contains(self, dependency: Dependency) -> bool:
        if isinstance(dependency.id, str):
            return dependency.id in self.by_text_id
        return bool(self._matching_dict(dependency.id_str, dependency.id))


def layouts_of(snapshot: Snapshot, app: AppInfo | None) -> AppLayouts:
    """The layouts of ``app`` (every layout when the app is unknown) and their components.

    Components name their layout by ``Layout.name`` only; when two apps have layouts with the
    same name, their components count for both (fewer findings, never false ones).
    """
    layouts = tuple(
        layout for layout in snapshot.layouts if app is None or layout.app == app.name
    )
    names = {layout.name for layout in layouts}
    components = tuple(c for c in snapshot.components if c.layout in names)
    by_text_id: dict[str, list[Component]] = {}
    for component in components:
        if isinstance(component.id, str):
            copies = by_text_id.setdefault(component.id, [])
            if len(copies) < MATCHED_COPIES:
                copies.append(component)
    return AppLayouts(layouts, components, {k: tuple(v) for k, v in by_text_id.items()})


class LayoutIndex:
    """Per-app layouts and facts for one lint run, each computed once. It takes the lint
    context's lookups rather than the context, so the context can own one without a circle."""

    def __init__(self, snapshot: Snapshot, callbacks: tuple[Callback, ...],
                 app_of: Callable[[Callback], AppInfo | None], set_props: SetPropsWrites) -> None:
        self.snapshot = snapshot
        self.callbacks = callbacks
        self.app_of = app_of
        self.set_props = set_props
        self._layouts: dict[str | None, AppLayouts] = {}
        self._creates: dict[str | None, bool] = {}

    def of(self, callback: Callback) -> AppLayouts:
        """The layouts of the app serving the callback."""
        app = self.app_of(callback)
        key = app.name if app else None
        if key not in self._layouts:
            self._layouts[key] = layouts_of(self.snapshot, app)
        return self._layouts[key]

    def checkable(self, callback: Callback) -> AppLayouts | None:
        """The app's layouts when a missing id there means a real miss: None under
        ``suppress_callback_exceptions`` (components come from callbacks) or when a layout
        could not be rendered (its ids are unknown)."""
        app = self.app_of(callback)
        if app is not None and app.suppress_callback_exceptions:
            return None
        layouts = self.of(callback)
        return layouts if layouts.complete else None

    def missing(self, callback: Callback, dependencies: tuple[Dependency, ...] | list[Dependency],
                layouts: AppLayouts) -> list[Dependency]:
        """The dependencies no layout holds. A pattern id counts as held when some callback of
        the app writes ``children``: Dash does not need pattern components in the layout, and
        they are usually created that way."""
        absent = [d for d in dependencies if not layouts.contains(d)]
        if any(d.is_pattern for d in absent) and self.may_create_components(callback):
            absent = [d for d in absent if not d.is_pattern]
        return absent

    def may_create_components(self, callback: Callback) -> bool:
        """True when some callback of this callback's app writes ``children`` (as an Output or
        through a literal ``set_props``): it may create components at run time."""
        if self.snapshot.unresolved:
            return True  # static mode left callbacks out: any of them may create components
        app = self.app_of(callback)
        key = app.name if app else None
        if key not in self._creates:
            self._creates[key] = any(
                self.app_of(other) == app and _writes_children(other, self.set_props)
                for other in self.callbacks
            )
        return self._creates[key]


def _writes_children(callback: Callback, set_props: SetPropsWrites) -> bool:
    if any(d.property == "children" for d in callback.outputs):
        return True
    return any(p == "children" for _, p in set_props(callback))
