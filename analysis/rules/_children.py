"""Components a callback builds in the children it writes: real ids, though in no layout."""

from __future__ import annotations

from analysis.context import LintContext
from analysis.snapshot import AppInfo, Callback
from analysis.source.python import constructed_ids


def built_in_children(ctx: LintContext, app: AppInfo | None,
                      set_props: bool) -> list[tuple[Callback, str, str]]:
    """(callback, id, type name) of each component with a literal id (``html.Div(id="health")``)
    in the body of a callback of ``app`` that writes ``children``: as an Output, or also
    through ``set_props`` when ``set_props`` is true."""
    found: list[tuple[Callback, str, str]] = []
    for callback in ctx.callbacks:
        if ctx.app_of(callback) != app:
            continue
        props = [d.property.split("@", 1)[0] for d in callback.outputs]
        if set_props:
            props += [p for _, p in ctx.set_props_targets(callback)]
        function = ctx.function(callback) if "children" in props else None
        if function is not None:
            found += [(callback, i, name) for i, name in constructed_ids(function)]
    return found
