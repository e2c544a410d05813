"""DASH040 multi-callback-cycle: two or more callbacks trigger one another in a loop."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.graph import callback_node, cycles
from analysis.rules._base import each_property_once, rule
from analysis.rules._naming import callback_labels, dependency_label
from analysis.snapshot import Dependency


@rule(
    "DASH040",
    "multi-callback-cycle",
    "error",
    "callbacks trigger one another in a loop spanning two or more callbacks",
)
def multi_callback_cycle(ctx: LintContext) -> Iterator[Finding]:
    """
    ## What it does
    Finds groups of two or more callbacks that trigger one another in a circle: an Output
    (or a `set_props` write) of one is an Input of the next, and so on back to the first.
    Cycles closed through `allow_duplicate=True` outputs and through pattern-matching ids
    that match each other (`{"type": "row", "index": MATCH}` and `{"type": "row", "index":
    ALL}`) count. One finding per loop names every callback in it.

    A single callback whose Output is also its own Input (the "synchronise two components"
    pattern) is allowed by Dash and is not reported here, and a `State` never closes a loop
    because it does not trigger anything.

    ## Why is this bad?
    Dash refuses circular dependencies between callbacks: in debug mode the renderer stops
    with "Circular Dependencies"; with debug off the callbacks can fire each other without
    end, or stop at an arbitrary point, leaving inconsistent values. The renderer misses
    loops closed through `allow_duplicate` outputs and matching pattern ids, so those run
    silently in production.

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
    for group in cycles(ctx.graph):
        if all(cb.internal for cb in group):
            continue
        ring = _loop_properties(ctx, group)
        yield multi_callback_cycle.finding(
            f"{len(group)} callbacks trigger one another in a loop: {callback_labels(group)}"
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


def _loop_properties(ctx: LintContext, group: list) -> list[Dependency]:
    """Property keys written by a callback of the loop and read as Input (directly or through
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
    return each_property_once(
        Dependency(graph.nodes[p]["id"], graph.nodes[p]["property"]) for p in loop
    )
