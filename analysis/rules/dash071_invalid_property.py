"""DASH071 invalid-property: a callback uses a property its component type does not have."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label, dependency_label
from analysis.snapshot import Callback, Dependency
from analysis.rules._replacements import Replacements as _Replacements

#: Props every component accepts, whatever its generated prop list says.
UNIVERSAL_PROPS = frozenset({"id"})


@rule(
    "DASH071",
    "invalid-property",
    "error",
    "a callback uses a property that its component's type does not have",
    static_gap="the properties of a component type come from its installed package, which static mode does not import",
)
def invalid_property(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Checks each Output, Input, State, ``running=`` and ``progress=`` property against the
    properties of the component type that carries that id in the layouts (``dcc.Graph`` has
    ``figure``, not ``figur``). Wildcard props such as ``data-*`` and ``aria-*`` count, on
    any component: one that declares none may still set them itself (dash-socketio's
    ``DashSocketIO`` emits ``data-<event>``).
    Components of unknown type, and ids found in no layout, are left alone; with a pattern
    id, the property must be invalid for every matching component.

    Where the renderer never checks the property (the components are only in pages, under
    ``suppress_callback_exceptions=True``) two uses work as meant and are not reported: a
    placeholder that a callback writing ``children`` replaces with a component of the same id
    whose type has the property (``html.Div(id="map")`` until ``dcc.Graph(id="map")``
    arrives), and an Input used only to run the callback when its component appears (the
    initial call is not prevented, nothing writes the property, the function never reads
    the argument), and a global HTML attribute an Output writes (``dir``, ``lang``,
    ``title``, ``hidden``, ``tabIndex``, ``role`` …): components such as dmc 2's pass
    unknown props on to their element and, TypeScript-built, carry no propTypes for the
    renderer to check, so ``Output("root", "dir")`` on a ``dmc.Box`` reaches the page.
    Dash 4.4.1's renderer validates properties once, against the layout it
    hydrates (``validateCallbacksToLayout``); pages arrive later, and only without
    ``suppress_callback_exceptions`` does Dash add them to the ``validation_layout`` it
    checks. An Input on a property nothing sets still fires when its component appears,
    with ``None``. A typo'd property whose value the callback reads stays reported: it
    fires once with ``None`` and never again.

    ## Why is this bad?
    Dash does not check property names on the server. An Output to a property the component
    does not have is written into the browser's state and never shown; an Input on it never
    fires. Dash reports "Invalid prop for this component" only in the browser with debug dev
    tools on.

    ## Example
    ```python
    app.layout = html.Div([dcc.Dropdown(id="year", options=[2023, 2024]), dcc.Graph(id="chart")])

    @callback(Output("chart", "figur"), Input("year", "values"))
    def draw(year):
        return make_figure(year)
    ```

    ## Use instead
    ```python
    @callback(Output("chart", "figure"), Input("year", "value"))
    def draw(year):
        return make_figure(year)
    ```
    """
    types = {name: _PropSet(props) for name, props in ctx.snapshot.component_types.items()}
    index = ctx.layouts
    later = _Replacements(ctx, types)
    for callback in ctx.callbacks:
        layouts = index.of(callback)
        bad: list[tuple[Dependency, str]] = []
        seen: set[str] = set()
        for dependency in _dependencies(callback):
            if dependency.key in seen:
                continue
            seen.add(dependency.key)
            components = layouts.matching(dependency.id)
            component_types = {c.type for c in components}
            if not component_types or any(not types.get(t) for t in component_types):
                continue  # not in a layout, or a type whose props we do not know
            prop = dependency.property.split("@", 1)[0]
            if any(types[t].accepts(prop) for t in component_types):
                continue
            if _forwarded_attribute(ctx, callback, dependency, prop):
                continue
            if later.unchecked(callback, components) and (later.built_with(callback, dependency, prop)
                                                or later.load_trigger(callback, dependency)):
                continue
            bad.append((dependency, ", ".join(sorted(t.rsplit(".", 1)[-1]
                                                     for t in component_types))))
        if bad:
            listed = ", ".join(f"{dependency_label(d)} ({kind})" for d, kind in bad)
            yield invalid_property.finding(
                f"callback {callback_label(callback)} uses properties its components lack: {listed}",
                [callback], [d for d, _ in bad], ids_at_fault=True,
            )


#: HTML attribute families Dash treats as wildcard props (``_valid_wildcard_attributes``).
_ATTRIBUTE_PREFIXES = ("data-", "aria-")


#: Global attributes of the HTML standard (WHATWG HTML, "Global attributes", 3.2.6) in
#: React's spelling, plus ARIA's ``role``: any element takes them, so a component that
#: forwards unknown props to its element (dmc 2) applies them.
GLOBAL_ATTRIBUTES = frozenset({
    "accessKey", "autoCapitalize", "autoFocus", "contentEditable", "dir", "draggable",
    "enterKeyHint", "hidden", "inert", "inputMode", "lang", "popover", "role", "spellCheck",
    "tabIndex", "title", "translate",
})


def _forwarded_attribute(ctx: LintContext, callback: Callback, dependency: Dependency,
                         prop: str) -> bool:
    """An Output of a global HTML attribute in an app under suppress_callback_exceptions:
    nothing validates the write, and a component that forwards it sets it on the element."""
    app = ctx.app_of(callback)
    return (prop in GLOBAL_ATTRIBUTES and dependency in callback.outputs
            and app is not None and app.suppress_callback_exceptions)


class _PropSet:
    """The props of one component type, as a set and wildcard prefixes (``data-*``)."""

    def __init__(self, props: tuple[str, ...]) -> None:
        self.names = frozenset(props) | UNIVERSAL_PROPS
        self.prefixes = tuple(p[:-1] for p in props if p.endswith("*"))
        self.known = bool(props)

    def __bool__(self) -> bool:  # False: a type whose props we do not know
        return self.known

    def accepts(self, prop: str) -> bool:
        """A declared prop, a universal one, covered by a wildcard prop like ``data-*``, or a
        ``data-*``/``aria-*`` attribute: components that declare no wildcard still set such
        props themselves (dash-socketio's ``DashSocketIO`` emits ``data-<event>``)."""
        return (prop in self.names or prop.startswith(self.prefixes)
                or prop.startswith(_ATTRIBUTE_PREFIXES))


def _dependencies(callback: Callback) -> Iterator[Dependency]:
    yield from callback.outputs
    yield from callback.inputs
    yield from callback.states
    yield from callback.running
    yield from callback.progress
