"""Component id matching the way Dash's renderer matches pattern-matching (wildcard) ids."""

from __future__ import annotations

from typing import Any

from analysis.snapshot import ComponentId, is_wildcard


def _same_value(a: Any, b: Any) -> bool:
    """Equality of two id values as JavaScript's ``===`` sees them (``True`` is not ``1``)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return a == b


def ids_overlap(a: ComponentId, b: ComponentId) -> bool:
    """True when some concrete component id could match both ``a`` and ``b``.

    String ids match only themselves and never a dict id. Dict ids must have the same keys;
    at each key the values must be equal, or either one must be a wildcard (``MATCH``,
    ``ALL``, ``ALLSMALLER``). This is the test of Dash's renderer (``wildcardOverlap`` in
    ``dash-renderer``) for duplicate outputs, and the test of whether a property written
    under one id can trigger a callback listening under the other. (The renderer's one
    exception, MATCH vs ALLSMALLER, concerns Outputs only, which cannot use ALLSMALLER.)

    >>> ids_overlap({"type": "row", "index": ["MATCH"]}, {"type": "row", "index": 3})
    True
    >>> ids_overlap({"type": "row", "index": ["ALL"]}, {"type": "cell", "index": 3})
    False
    >>> ids_overlap({"type": "row", "index": 1}, {"type": "row"})
    False
    >>> ids_overlap("total", "total"), ids_overlap("total", {"id": "total"})
    (True, False)
    """
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    if set(a) != set(b):
        return False
    return all(
        is_wildcard(a[key]) or is_wildcard(b[key]) or _same_value(a[key], b[key]) for key in a
    )


def pattern_group(component_id: ComponentId, prop: str) -> tuple | None:
    """The bucket in which dict ids may overlap: (sorted keys, property); None for a string id.

    >>> pattern_group({"type": "row", "index": ["ALL"]}, "value")
    (('index', 'type'), 'value')
    """
    if isinstance(component_id, str):
        return None
    return (tuple(sorted(component_id)), prop)
