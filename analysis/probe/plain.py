"""How the probe keeps a layout value as data: limits, the opaque marker, flat values, choices."""

# Loaded by analysis/probe/child.py by file path inside the child process (stdlib only), and
# imported as ``analysis.probe.plain`` by static mode, which must keep values exactly alike.

from __future__ import annotations

from typing import Any

#: How ``Component.initial`` writes a value it does not keep: a component, a non-empty list or
#: dict, a long string, a number JSON cannot carry exactly, any other object.
OPAQUE = "<...>"
#: Longest string kept as it is in ``Component.initial``.
MAX_STRING = 100
#: Most keys of a flat dict (a ``style``) kept as it is in ``Component.initial``.
MAX_KEYS = 12
#: Most option values ``Component.choices`` keeps (a longer list is left out).
MAX_CHOICES = 50


def plain_value(value: Any) -> Any:
    """A JSON scalar, an empty list/dict or a small flat dict of scalars as it is, anything
    else as ``OPAQUE`` (truthy).

    Types are compared exactly: a subclass (an Enum of int, a str proxy) may not mean its value.

    >>> plain_value({"display": "none"}), plain_value([1]), plain_value(())
    ({'display': 'none'}, '<...>', [])
    """
    kind = type(value)
    if value is None or kind is bool or kind is str and len(value) <= MAX_STRING:
        return value
    if kind is int and abs(value) < 2 ** 53 or kind is float and abs(value) < float("inf"):
        return value
    if kind in (list, tuple, dict) and not value:
        return [] if kind is tuple else kind()
    if kind is dict and len(value) <= MAX_KEYS and all(type(k) is str for k in value):
        kept = {k: plain_value(v) for k, v in value.items()}
        if all(type(v) in (str, int, float, bool) or v is None for v in kept.values()):
            return kept  # a small flat dict: a style, whose ``display`` says it is hidden
    return OPAQUE


def scalars(values: list[Any]) -> list[Any] | None:
    """``values`` when every one is a JSON string, int or bool and there are a few.

    >>> scalars(["a", 1]), scalars([{"label": "A"}])
    (['a', 1], None)
    """
    if not values or len(values) > MAX_CHOICES:
        return None
    if all(type(v) is str and len(v) <= MAX_STRING or type(v) in (int, bool) for v in values):
        return list(values)
    return None
