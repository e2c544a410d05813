"""DASH001 duplicate-output: one component property is the plain Output of several callbacks."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.patterns import ids_overlap, pattern_group
from analysis.rules._base import rule
from analysis.snapshot import Callback, Dependency


@rule(
    "DASH001",
    "duplicate-output",
    "error",
    "a component property is the Output of more than one callback without allow_duplicate",
)
def duplicate_output(ctx: LintContext) -> Iterator[Finding]:
    """
    ## What it does
    Finds component properties that two or more callbacks of one app declare as a plain
    `Output` (without `allow_duplicate=True`). Pattern-matching outputs count when their ids
    overlap (`{"type": "row", "index": ALL}` overlaps `{"type": "row", "index": 2}`), and
    clientside callbacks count like server ones. Every callback writing the property is listed.

    ## Why is this bad?
    Dash's renderer refuses the whole callback graph ("Duplicate callback outputs" or
    "Overlapping wildcard callback outputs"), but only in debug mode. With debug off nothing
    warns you: which callback "wins" depends on timing, so the property flickers between
    values or shows a stale one. Dash's server never checks this, so it ships unnoticed.

    A plain Output plus `allow_duplicate=True` Outputs on the same property is fine, and so
    are several `allow_duplicate` Outputs (see DASH002 for their own pitfall).

    ## Example
    ```python
    @app.callback(Output("total", "children"), Input("add", "n_clicks"))
    def add_item(n):
        ...

    @app.callback(Output("total", "children"), Input("clear", "n_clicks"))
    def clear_items(n):
        ...
    ```

    ## Use instead
    One callback that tells its triggers apart with `ctx.triggered_id`:
    ```python
    @app.callback(
        Output("total", "children"),
        Input("add", "n_clicks"),
        Input("clear", "n_clicks"),
        prevent_initial_call=True,
    )
    def update_total(add_clicks, clear_clicks):
        if ctx.triggered_id == "clear":
            return 0
        ...
    ```
    or, when the writers must stay apart, `Output("total", "children", allow_duplicate=True)`
    on all but one of them (with `prevent_initial_call=True`).
    """
    by_app: dict[str | None, list[tuple[Callback, Dependency]]] = defaultdict(list)
    for cb in ctx.callbacks:
        app = ctx.app_of(cb)
        for dep in cb.outputs:
            by_app[app.name if app else cb.app].append((cb, dep))
    for outputs in by_app.values():
        for cluster in _plain_clusters(outputs):
            plain_writers = {cb.index for cb, _ in cluster}
            if len(plain_writers) < 2:
                continue
            involved = [
                cb for cb, dep in outputs
                if any(dep.property == d.property and ids_overlap(dep.id, d.id) for _, d in cluster)
            ]
            writers = sorted({cb.index: cb for cb in involved}.values(), key=lambda cb: cb.index)
            keys = sorted({dep.key for _, dep in cluster})
            plain = [cb for cb in writers if cb.index in plain_writers]
            listed = ", ".join(f"{cb.function} ({cb.location})" for cb in plain)
            message = (
                f"{' / '.join(keys)} is an Output of {len(plain)} callbacks without "
                f"allow_duplicate: {listed}"
            )
            if len(writers) > len(plain):
                extra = ", ".join(cb.function for cb in writers if cb.index not in plain_writers)
                message += f" (also written with allow_duplicate by {extra})"
            yield duplicate_output.finding(message, callbacks=writers, properties=keys)


def _plain_clusters(
    outputs: list[tuple[Callback, Dependency]],
) -> Iterator[list[tuple[Callback, Dependency]]]:
    """Groups of plain (not allow_duplicate) outputs that overlap, directly or in a chain."""
    exact: dict[str, list[tuple[Callback, Dependency]]] = defaultdict(list)
    patterned: dict[tuple, list[tuple[Callback, Dependency]]] = defaultdict(list)
    for cb, dep in outputs:
        if dep.allow_duplicate:
            continue
        group = pattern_group(dep.id, dep.property)
        if group is None:
            exact[dep.key].append((cb, dep))
        else:
            patterned[group].append((cb, dep))
    yield from exact.values()
    for entries in patterned.values():
        parent = list(range(len(entries)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, (_, a) in enumerate(entries):
            for j in range(i + 1, len(entries)):
                if ids_overlap(a.id, entries[j][1].id):
                    parent[root(i)] = root(j)
        clusters: dict[int, list[tuple[Callback, Dependency]]] = defaultdict(list)
        for i, entry in enumerate(entries):
            clusters[root(i)].append(entry)
        yield from clusters.values()

