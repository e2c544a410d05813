"""DASH001 duplicate-output: one component property is the plain Output of several callbacks."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.patterns import OverlapIndex, ids_overlap, pattern_group
from analysis.rules._base import each_property_once, rule
from analysis.rules._naming import callback_label, callback_labels, listing
from analysis.snapshot import Callback, Dependency


@rule(
    "DASH001",
    "duplicate-output",
    "error",
    "a component property is the Output of more than one callback without allow_duplicate",
    static_note=(
        "callbacks whose Outputs the source does not tell (computed ids, `*args`) are left "
        "out, so a duplicate with one of them is missed"
    ),
)
def duplicate_output(ctx: LintContext) -> Iterator[Finding]:
    """
    ## What it does
    Finds component properties that two or more callbacks of one app declare as a plain
    `Output` (without `allow_duplicate=True`). Pattern-matching outputs count when their ids
    overlap (`{"type": "row", "index": ALL}` overlaps `{"type": "row", "index": 2}`), and
    clientside callbacks count like server ones. Every callback writing the property is listed.
    One callback listing the same property twice among its Outputs is reported too.

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
        twice = _listed_twice(cb)
        if twice:
            yield duplicate_output.finding(
                f"{listing(d.key for d in twice)} listed more than once among the Outputs of "
                f"{callback_label(cb)}",
                [cb], twice,
            )
        app = ctx.app_of(cb)
        for dep in cb.outputs:
            by_app[app.name if app else cb.app].append((cb, dep))
    for outputs in by_app.values():
        buckets: dict[tuple, list[tuple[Callback, Dependency]]] = defaultdict(list)
        for cb, dep in outputs:
            buckets[pattern_group(dep.id, dep.property) or ("", dep.key)].append((cb, dep))
        for bucket in buckets.values():
            if len(bucket) < 2:  # one writer: no finding (most properties of an app)
                continue
            clusters = list(_plain_clusters(bucket))
            for cluster, involved in zip(clusters, _involved(clusters, bucket)):
                finding = _finding(cluster, involved)
                if finding:
                    yield finding


Output_ = tuple[Callback, Dependency]


def _listed_twice(callback: Callback) -> list[Dependency]:
    """The Outputs one callback names again (``allow_duplicate`` or not), each property once."""
    seen: set[str] = set()
    twice: dict[str, Dependency] = {}
    for dep in callback.outputs:
        if dep.key in seen:
            twice.setdefault(dep.key, dep)
        seen.add(dep.key)
    return list(twice.values())


def _involved(clusters: list[list[Output_]], bucket: list[Output_]) -> list[list[Callback]]:
    """Per cluster, the callbacks of the bucket with an Output overlapping one of its ids.
    One index over every cluster's ids: comparing each cluster with the whole bucket was
    N² on a bucket of many pattern ids (issue 13)."""
    involved: list[list[Callback]] = [[] for _ in clusters]
    if isinstance(bucket[0][1].id, str):  # one key: every output of the bucket is that id
        return [[cb for cb, _ in bucket] for _ in clusters]
    index = OverlapIndex()
    for number, cluster in enumerate(clusters):
        for component_id in {dep.key: dep.id for _, dep in cluster}.values():
            index.add(component_id, number)
    found: dict[str, set[int]] = {}  # by id: N writers of one MATCH id look it up once
    for cb, dep in bucket:
        numbers = found.get(dep.key)
        if numbers is None:
            numbers = found[dep.key] = set(index.overlapping(dep.id))
        for number in numbers:
            involved[number].append(cb)
    return involved


def _finding(cluster: list[Output_], involved: list[Callback]) -> Finding | None:
    """The finding for overlapping plain outputs, when they belong to two or more callbacks."""
    plain_writers = {cb.index for cb, _ in cluster}
    if len(plain_writers) < 2:
        return None
    writers = sorted({cb.index: cb for cb in involved}.values(), key=lambda cb: cb.index)
    written = each_property_once(dep for _, dep in cluster)
    plain = [cb for cb in writers if cb.index in plain_writers]
    message = (
        f"{listing((dep.key for dep in written), ' / ')} is an Output of {len(plain)} callbacks "
        f"without allow_duplicate: {callback_labels(plain)}"
    )
    if len(writers) > len(plain):
        extra = callback_labels(cb for cb in writers if cb.index not in plain_writers)
        message += f" (also written with allow_duplicate by {extra})"
    return duplicate_output.finding(message, writers, written)


def _plain_clusters(bucket: list[Output_]) -> Iterator[list[Output_]]:
    """Groups of plain (not allow_duplicate) outputs of one bucket that overlap, directly or
    in a chain. Equal ids join at once; pattern ids are looked up in an OverlapIndex."""
    by_key: dict[str, list[Output_]] = defaultdict(list)
    for entry in bucket:
        if not entry[1].allow_duplicate:
            by_key[entry[1].key].append(entry)
    keys = list(by_key)
    parent = {key: key for key in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    index = OverlapIndex()
    for key in keys:
        if isinstance(by_key[key][0][1].id, dict):
            index.add(by_key[key][0][1].id, key)
    for key in keys:
        dep = by_key[key][0][1]
        if dep.is_pattern:
            for other in index.overlapping(dep.id):
                parent[root(key)] = root(other)
    clusters: dict[str, list[Output_]] = defaultdict(list)
    for key in keys:
        clusters[root(key)].extend(by_key[key])
    yield from clusters.values()
