"""How findings name things: a callback by its function (and where, when it is not the one pointed at)."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from analysis.snapshot import Callback, Dependency, is_wildcard


def callback_label(callback: Callback) -> str:
    """The callback a finding points at, named by its function in backticks (the finding's
    location says where it is); a clientside one says so (its name is its JavaScript
    function's, or Dash's hash of inline code whose function has no name).

    >>> callback_label(Callback(index=0, function="app.draw", file="app.py", line=4))
    '`draw`'
    >>> callback_label(Callback(index=1, function="clientside:inline.ab12", kind="clientside",
    ...                         file="app.py", line=9))
    '`ab12` (clientside)'
    """
    if callback.kind == "clientside":
        return f"`{callback.name}` (clientside)"
    return f"`{callback.name}`"


#: How many items a message lists before "and N more": a finding's data keeps them all, but
#: a message grown with the input (2,000 writers of one Output) is unreadable and costs
#: time in every view that shows it.
LISTED = 10


def listing(parts: Iterable[str], separator: str = ", ", limit: int = LISTED) -> str:
    """Parts joined, the first ``limit`` of them, then how many more there are.

    >>> listing(["a", "b"]), listing([str(n) for n in range(12)], limit=3)
    ('a, b', '0, 1, 2 and 9 more')
    """
    items = list(parts)
    rest = len(items) - limit
    return separator.join(items[:limit]) + (f" and {rest} more" if rest > 0 else "")


def callback_labels(callbacks: Iterable[Callback]) -> str:
    """Callbacks a message names besides the one it points at (or several at once): each
    followed by where it is declared, since the finding's location names only one place.

    >>> callback_labels([Callback(index=0, function="app.a", file="app.py", line=1),
    ...                  Callback(index=1, function="app.b")])
    '`a` (app.py:1), `b` (<unknown>)'
    >>> callback_labels([Callback(index=2, function="clientside:inline.ab12", kind="clientside",
    ...                           file="app.py", line=9)])
    '`ab12` (clientside, app.py:9)'
    """
    listed = list(callbacks)
    shared = _shared(listed)
    shown = ", ".join(_located(cb, cb.name in shared) for cb in listed[:LISTED])
    rest = len(listed) - LISTED
    return shown + (f" and {rest} more" if rest > 0 else "")


def told_apart(callbacks: Iterable[Callback]) -> dict[int, str]:
    """Each callback's name (by ``Callback.index``), followed by what it writes when another
    of them has the same name: eleven callbacks one factory made share a function, a file
    and a line, and only their Outputs tell them apart.

    >>> from analysis.snapshot import Dependency as D
    >>> told_apart([Callback(0, "m.step", outputs=(D("a", "data"),)),
    ...             Callback(1, "m.step", outputs=(D("b", "data"), D("c", "value"))),
    ...             Callback(2, "m.draw")])
    {0: 'step → a.data', 1: 'step → b.data +1', 2: 'draw'}
    """
    listed = list(callbacks)
    shared = _shared(listed)
    names = {cb.index: f"{cb.name} {_writes(cb)}" if cb.name in shared else cb.name
             for cb in listed}
    repeated = Counter(names.values())
    # the same name writing the same first property: only the order of registration is left
    return {index: f"{name} #{index}" if repeated[name] > 1 else name
            for index, name in names.items()}


def _shared(callbacks: list[Callback]) -> set[str]:
    counts = Counter(cb.name for cb in callbacks)
    return {name for name, count in counts.items() if count > 1}


def _writes(callback: Callback) -> str:
    """``→ first output`` (and how many more), or that it writes no Output."""
    if not callback.outputs:
        return "(no output)"
    more = f" +{len(callback.outputs) - 1}" if len(callback.outputs) > 1 else ""
    return f"→ {callback.outputs[0].key}{more}"


def _located(callback: Callback, shared: bool = False) -> str:
    kind = "clientside, " if callback.kind == "clientside" else ""
    writes = f", {_writes(callback)}" if shared else ""
    return f"`{callback.name}` ({kind}{callback.location}{writes})"


def dependency_label(dependency: Dependency) -> str:
    """A property named in a message: the id as Python would write it, then the property.

    >>> dependency_label(Dependency("chart", "figure"))
    "'chart'.figure"
    """
    return f"{dependency.id_str!r}.{dependency.property}"


def triggered_id_spelling(dependencies: Iterable[Dependency]) -> str:
    """How to read the fired item of pattern-matching Inputs: ``ctx.triggered_id['index']``
    when their ids have one wildcard key, else ``ctx.triggered_id``.

    >>> triggered_id_spelling([Dependency({"type": "row", "index": ["ALL"]}, "n_clicks")])
    "ctx.triggered_id['index']"
    """
    keys = sorted({key for d in dependencies if d.is_pattern for key, value in d.id.items()
                   if is_wildcard(value)})
    return f"ctx.triggered_id[{keys[0]!r}]" if len(keys) == 1 else "ctx.triggered_id"


def at_line(callback: Callback, function_lineno: int, node_lineno: int, before: str = ", ") -> str:
    """``", line N"``: where a node of the parsed function is in the file, for a message
    (empty when the callback's place is unknown).

    >>> at_line(Callback(index=0, function="app.f", line=10, def_line=11), 1, 3)
    ', line 13'
    """
    if callback.def_line:
        return f"{before}line {node_lineno + callback.def_line - function_lineno}"
    return f"{before}line {node_lineno + callback.line - 1}" if callback.line else ""
