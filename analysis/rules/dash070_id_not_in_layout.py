"""DASH070 id-not-in-layout: a callback names a component id that no layout of its app holds."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._children import built_in_children
from analysis.rules._naming import callback_label, callback_labels, listing
from analysis.snapshot import Callback, Dependency


@rule(
    "DASH070",
    "id-not-in-layout",
    "error",
    "an Input/State/Output id is in no layout of the app (pages included)",
    static_note=(
        "silent for an app with any unresolved layout part (a helper with computed arguments,"
        " a component built in a loop, `**props`), and for pattern ids while some callback is"
        " unresolved"
    ),
)
def id_not_in_layout(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Checks that every component id a callback names as Output, Input or State exists in some
    layout of its app: the app's own layout and the layouts of all its pages. It stays quiet
    when Dash is told the component may be absent: ``allow_optional=True`` on the Input/State,
    ``optional=True`` on the callback, or ``suppress_callback_exceptions=True`` on the app (components created by callbacks).
    Pattern-matching ids must overlap some layout component, unless a callback of the app
    writes ``children`` and so may create them. A plain id a ``children``-writing callback
    builds (``html.Div(id="health")`` in what it returns) stays reported, naming that
    callback: the renderer checks the ids against the layout it first hydrates, and the
    dev tools (debug mode) show "ID not found in layout" for it. Layouts the probe could not render make the
    rule skip that app.

    ## Why is this bad?
    A typo in an id is not an error on the server: the callback is registered and simply never
    fires (an Input that never changes), or its result goes nowhere. Dash reports
    "ID not found in layout" only in the browser, and only with debug dev tools on.

    ## Example
    ```python
    app.layout = html.Div([dcc.Input(id="city"), html.Div(id="forecast")])

    @callback(Output("forcast", "children"), Input("city", "value"))
    def show_forecast(city):
        return f"Sunny in {city}"
    ```

    ## Use instead
    ```python
    @callback(Output("forecast", "children"), Input("city", "value"))
    def show_forecast(city):
        return f"Sunny in {city}"

    # a component that only some pages have:
    @callback(Output("status", "children"), Input("page-filter", "value", allow_optional=True))
    def show_status(value):
        return value or "all"
    ```
    """
    index = ctx.layouts
    built: dict[str | None, dict[str, list[Callback]]] = {}
    for callback in ctx.callbacks:
        layouts = index.checkable(callback)
        if layouts is None or callback.optional:  # optional=True: Dash checks none of its ids
            continue
        required = [(d, role) for d, role in _dependencies(callback) if not d.allow_optional]
        absent = index.missing(callback, [d for d, _ in required], layouts)
        missing = [(role, d) for d, role in required if any(d is a for a in absent)]
        if missing:
            listed = ", ".join(f"{role}({d.id_str!r}, {d.property!r})" for role, d in missing)
            yield id_not_in_layout.finding(
                f"callback {callback_label(callback)} names ids no layout contains: {listed}"
                + _returned_by(ctx, callback, [d for _, d in missing], built),
                [callback], [d for _, d in missing], ids_at_fault=True,
            )


def _returned_by(ctx: LintContext, callback: Callback, missing: list[Dependency],
                 built: dict[str | None, dict[str, list[Callback]]]) -> str:
    """Where the missing ids come from, when callbacks of the app return them as children:
    the ids are real, and Dash 4.4.1's renderer reports them only in its one check against
    the layout (``validateCallbacksToLayout``), shown by the dev tools in debug mode."""
    app = ctx.app_of(callback)
    key = app.name if app else None
    if key not in built:  # id -> the app's callbacks building it in the children they return
        built[key] = {}
        for creator, component_id, _ in built_in_children(ctx, app, set_props=False):
            built[key].setdefault(component_id, []).append(creator)
    ids = sorted({d.id for d in missing if isinstance(d.id, str) and d.id in built[key]})
    if not ids:
        return ""
    creators = {c.index: c for i in ids for c in built[key][i]}
    return (f"; {listing(repr(i) for i in ids)} come from the children "
            f"{callback_labels(creators[k] for k in sorted(creators))} returns, which Dash's dev"
            " tools (debug mode) report as missing until the app sets"
            " suppress_callback_exceptions=True or a validation_layout lists them")


def _dependencies(callback: Callback) -> Iterator[tuple[Dependency, str]]:
    for role, group in (("Output", callback.outputs), ("Input", callback.inputs),
                        ("State", callback.states)):
        for dependency in group:
            yield dependency, role
