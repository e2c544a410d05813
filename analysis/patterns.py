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


def _value_key(value: Any) -> tuple:
    """A hashable key under which equal id values (in the sense of ``_same_value``) meet."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float)):
        return ("number", value)
    return ("other", repr(value))


class OverlapIndex:
    """Dict ids indexed by key and value, so that finding the ids overlapping one id does not
    compare it with every id (big pattern-matching apps would be quadratic otherwise).

    >>> index = OverlapIndex()
    >>> index.add({"type": "row", "index": 1}, "row 1")
    >>> index.add({"type": "row", "index": ["ALL"]}, "all rows")
    >>> index.add({"type": "cell", "index": 1}, "cell 1")
    >>> index.overlapping({"type": "row", "index": ["MATCH"]})
    ['row 1', 'all rows']
    """

    def __init__(self) -> None:
        self._entries: list[tuple[dict, Any]] = []
        self._by_value: dict[tuple, list[int]] = {}
        self._wild: dict[str, list[int]] = {}

    def add(self, component_id: dict, item: Any) -> None:
        position = len(self._entries)
        self._entries.append((component_id, item))
        for key, value in component_id.items():
            if is_wildcard(value):
                self._wild.setdefault(key, []).append(position)
            else:
                self._by_value.setdefault((key, _value_key(value)), []).append(position)

    def overlapping(self, component_id: dict) -> list[Any]:
        """The items whose ids overlap ``component_id``, in the order they were added."""
        best: list[int] | None = None
        for key, value in component_id.items():
            if is_wildcard(value):
                continue
            candidates = self._by_value.get((key, _value_key(value)), []) + self._wild.get(key, [])
            if best is None or len(candidates) < len(best):
                best = candidates
        positions = sorted(best) if best is not None else range(len(self._entries))
        return [
            self._entries[p][1] for p in positions
            if ids_overlap(self._entries[p][0], component_id)
        ]
