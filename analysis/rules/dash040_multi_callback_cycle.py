"""DASH040 multi-callback-cycle: two or more callbacks trigger one another in a loop."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.graph import callback_node, cycles
from analysis.rules._base import each_property_once, rule
from analysis.rules._naming import callback_labels, dependency_label
from analysis.snapshot import Callback, Dependency


@rule(
    "DASH040",
    "multi-callback-cycle",
    "error",
    "callbacks trigger one another in a loop spanning two or more callbacks",
    static_note="a loop through a callback the source does not tell is missed",
)
def multi_callback_cycle(ctx: LintContext) -> Iterator[Finding]:
    """
    ## What it does
    Finds groups of two or more callbacks that trigger one another in a circle: an Output
    (or a `set_props` write) of one is an Input of the next, and so on back to the first,
    through plain ids or pattern-matching ids that match each other
    (`{"type": "row", "index": MATCH}` and `{"type": "row", "index": ALL}`). One finding per
    loop names every callback in it. It reports the loops Dash does not handle, as measured
    in the browser on Dash 4.4.1 (`tests/browser/test_loop_shapes.py`, `docs/loops.md`):

    - a loop of plain Outputs: Dash refuses it ("Circular Dependencies" in debug mode);
    - a loop closed by a `set_props` write: Dash re-runs it without end.

    A loop that needs an `allow_duplicate=True` Output to close is not reported: the renderer
    leaves those Outputs out of its check on purpose and, at run time, drops a callback that
    is already in the chain that triggered it, so each callback runs once per user action.
    A single callback whose Output is also its own Input is not a loop either (see DASH041),
    and a `State` never closes a loop because it does not trigger anything.

    ## Why is this bad?
    A loop of plain Outputs is a circular dependency: in debug mode the renderer stops with
    "Circular Dependencies", and with debug off each callback runs once per chain and the
    values depend on which ran last. A `set_props` write starts a new chain, as a user's own
    change does, so a loop closed by one fires again and again until something raises
    `PreventUpdate`, keeping the server busy and the page flickering.

    ## Example
    ```python
    @app.callback(Output("celsius", "value"), Input("fahrenheit", "value"))
    def to_celsius(f):
        return (f - 32) * 5 / 9

    @app.callback(Output("fahrenheit", "value"), Input("celsius", "value"))
    def to_fahrenheit(c):
        return c * 9 / 5 + 32
    ```

    ## Use instead
    Merge the loop into one callback that checks which input fired:
    ```python
    @app.callback(
        Output("celsius", "value"),
        Output("fahrenheit", "value"),
        Input("celsius", "value"),
        Input("fahrenheit", "value"),
    )
    def sync_temperatures(c, f):
        if ctx.triggered_id == "celsius":
            return no_update, c * 9 / 5 + 32
        return (f - 32) * 5 / 9, no_update
    ```
    or read the value that must not trigger with `State` instead of `Input`.
    """
    groups = [group for group in cycles(ctx.graph) if not all(cb.internal for cb in group)]
    if not groups:  # most apps: no second pass over the graph
        return
    refused = _members(cycles(ctx.graph, _plain_output))  # what Dash's load-time check sees
    for group in groups:
        loop = _loop_nodes(ctx, group)
        if _closed_by_set_props(ctx, group, loop):
            how = "a loop closed by set_props, which Dash re-runs without end"
        elif any(members <= {cb.index for cb in group} for members in refused):
            how = "a loop"
        else:
            continue  # needs an allow_duplicate Output: the renderer runs it once and stops
        ring = _properties(ctx, loop)
        yield multi_callback_cycle.finding(
            f"{len(group)} callbacks trigger one another in {how}: {callback_labels(group)}"
            f"{_via(ring)}",
            group, ring,
        )


#: Properties a message names before it counts the rest: a loop over a whole table of
#: pattern ids would otherwise print one line the width of the table.
_SHOWN = 6


def _via(ring: list[Dependency]) -> str:
    """The properties that carry the loop, so that loops of one helper called for many
    components (same decorators, same functions) read as the different loops they are.

    >>> _via([Dependency("a", "value"), Dependency("b", "value")])
    " via 'a'.value, 'b'.value"
    >>> _via([Dependency(str(n), "data") for n in range(8)])
    " via '0'.data, '1'.data, '2'.data, '3'.data, '4'.data, '5'.data and 2 more"
    """
    if not ring:
        return ""
    shown = ", ".join(dependency_label(d) for d in ring[:_SHOWN])
    rest = len(ring) - _SHOWN
    return f" via {shown}" + (f" and {rest} more" if rest > 0 else "")


def _plain_output(edge: dict) -> bool:
    return edge["kind"] == "output" and not edge["allow_duplicate"]


def _members(groups: list[list[Callback]]) -> list[set[int]]:
    return [{cb.index for cb in group} for group in groups]


def _closed_by_set_props(ctx: LintContext, group: list[Callback], loop: set[str]) -> bool:
    """True when a callback of the loop ``set_props``-writes one of the loop's properties:
    inside one strongly connected group every such write lies on a circle."""
    return any(
        kind == "set_props" and prop in loop
        for cb in group
        for _, prop, kind in ctx.graph.out_edges(callback_node(cb.index), data="kind")
    )


def _loop_nodes(ctx: LintContext, group: list[Callback]) -> set[str]:
    """Property nodes written by a callback of the loop and read as Input (directly or through
    a matching pattern id) by a callback of the loop."""
    graph = ctx.graph
    nodes = [callback_node(cb.index) for cb in group]
    written = {p for n in nodes for _, p, k in graph.out_edges(n, data="kind") if k != "state"}
    read = {p for n in nodes for p, _, k in graph.in_edges(n, data="kind") if k == "input"}
    loop = written & read
    loop |= {
        node for p in written for _, q, k in graph.out_edges(p, data="kind")
        if k == "match" and q in read for node in (p, q)
    }
    return loop


def _properties(ctx: LintContext, loop: set[str]) -> list[Dependency]:
    graph = ctx.graph
    return each_property_once(
        Dependency(graph.nodes[p]["id"], graph.nodes[p]["property"]) for p in loop
    )
