"""The snapshot contract's checks: JSON types from annotations, finite numbers, bounded depth.

Each dataclass field's annotation is its rule; numbers are finite, indexes and lines in range,
free-form values nested a bounded depth; a refusal names the field's path
(``callbacks[3].function``).
"""

from __future__ import annotations

import collections.abc
import functools
import math
import types
import typing
from dataclasses import fields, is_dataclass
from typing import Any, Callable

#: How deep a free-form value (a component id, ``arg_grouping``, a layout's initial props,
#: a type's defaults) may nest. The probe writes two or three levels; JSON an attacker nests
#: 100,000 deep would otherwise exhaust the stack of whatever walks it later.
MAX_DEPTH = 32
#: The largest index or line number a snapshot may hold (a file of 2**31 lines is not a file).
MAX_INT = 2 ** 31 - 1

NoneType = type(None)
JSON_SCALARS = frozenset({str, int, float, bool, NoneType})
#: A tuple reads as a list: ``Snapshot.to_dict`` (``dataclasses.asdict``) keeps tuples.
LISTS = frozenset({list, tuple})
JSON_TYPES = JSON_SCALARS | LISTS | {dict}
#: Words for the types a refusal names ("must be a string or null, not int").
TYPE_NAMES = {str: "string", int: "integer", float: "number", bool: "boolean",
              NoneType: "null", list: "list", dict: "object"}
ARTICLES = {"integer": "an ", "object": "an ", "null": ""}


class ContractError(ValueError):
    """A value that breaks the contract; ``where`` grows (outermost first) on the way up."""

    def __init__(self, problem: str, *where: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.where = list(where)

    def at(self, step: str) -> "ContractError":
        """This error, one step further out (``[3]``, ``.callbacks``)."""
        self.where.insert(0, step)
        return self

    @property
    def path(self) -> str:
        """Where it broke, e.g. ``callbacks[3].inputs[0].property`` (a deep one cut short)."""
        steps = self.where if len(self.where) <= 12 else self.where[:12] + ["..."]
        return "".join(steps).lstrip(".")

    def __str__(self) -> str:
        return f"{self.path or 'the top level'} {self.problem}"


#: One field's rule: the JSON types it accepts and what turns the value into the field's
#: (None: taken as it is). The converter raises ContractError; it never sees None.
Rule = tuple[frozenset[type], Callable[[Any], Any] | None]


def describe(allowed: frozenset[type]) -> str:
    """A rule's types in words, in a stable order.

    >>> describe(frozenset({NoneType, str})), describe(frozenset({dict, str}))
    ('a string or null', 'a string or an object')
    """
    if allowed >= JSON_TYPES:
        return "any JSON value"
    names = [name for t, name in TYPE_NAMES.items() if t in allowed]
    return " or ".join(ARTICLES.get(name, "a ") + name for name in names)


def json_value(value: Any, depth: int = 0) -> Any:
    """``value`` when it is plain JSON of finite numbers, nested at most MAX_DEPTH deep."""
    kind = type(value)
    if kind is float:
        if not math.isfinite(value):
            raise ContractError(f"holds {value!r}; snapshots hold finite numbers only")
    elif kind is list or kind is dict or kind is tuple:
        if depth >= MAX_DEPTH:
            raise ContractError(f"nests more than {MAX_DEPTH} levels deep")
        items = value.items() if kind is dict else enumerate(value)
        for key, item in items:
            if type(item) not in JSON_SCALARS or type(item) is float:
                try:
                    json_value(item, depth + 1)
                except ContractError as exc:
                    raise exc.at(f"[{key!r}]" if kind is dict else f"[{key}]") from None
    elif kind not in JSON_SCALARS:
        raise ContractError(f"is a {kind.__name__}, not JSON")
    return value


def count(value: int) -> int:
    """An index or line number: 0 to MAX_INT."""
    if not 0 <= value <= MAX_INT:
        raise ContractError(f"must be between 0 and {MAX_INT}, not {value}")
    return value


def checked(allowed: frozenset[type], convert: Callable[[Any], Any] | None, value: Any,
            step: str) -> Any:
    """``value`` checked against a rule and converted; a refusal names ``step``."""
    if type(value) not in allowed:
        raise ContractError(f"must be {describe(allowed)}, not {type_name(value)}", step)
    if convert is None or value is None:
        return value
    try:
        return convert(value)
    except ContractError as exc:
        raise exc.at(step) from None


def type_name(value: Any) -> str:
    """The JSON word for a value's type."""
    return TYPE_NAMES.get(type(value), type(value).__name__)


def list_of(allowed: frozenset[type], convert: Callable[[Any], Any] | None) -> Callable:
    """A converter of a JSON list whose items follow (allowed, convert), to a tuple."""
    def items(values: list) -> tuple:
        out: list = []
        try:
            for item in values:
                if type(item) not in allowed:
                    raise ContractError(f"must be {describe(allowed)}, not {type_name(item)}")
                out.append(item if convert is None or item is None else convert(item))
        except ContractError as exc:
            raise exc.at(f"[{len(out)}]") from None  # the items before it were fine
        return tuple(out)
    return items


def dict_of(allowed: frozenset[type], convert: Callable[[Any], Any] | None) -> Callable:
    """A converter of a JSON object whose values follow (allowed, convert)."""
    def values(mapping: dict) -> dict:
        return {key: checked(allowed, convert, item, f"[{key!r}]")
                for key, item in mapping.items()}
    return values


def rule_of(hint: Any, build: Callable[[type, Any], Any]) -> Rule:
    """The rule of one annotation: scalars, ``X | None``, ``tuple[X, ...]``, mappings and
    ``Any`` (free-form JSON); ``build`` makes a dataclass item of a ``tuple[Item, ...]``."""
    if hint is Any:
        return JSON_TYPES, json_value
    if hint is NoneType:
        return frozenset({NoneType}), None
    if hint is str or hint is bool:
        return frozenset({hint}), None
    if hint is int:
        return frozenset({int}), count
    if hint is dict:
        return frozenset({dict}), json_value
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        rules = [rule_of(arg, build) for arg in typing.get_args(hint)]
        converters = {c for _, c in rules if c is not None}
        if len(converters) > 1:
            raise TypeError(f"no contract rule for {hint!r}: two converters")
        return frozenset().union(*(a for a, _ in rules)), next(iter(converters), None)
    if origin is tuple:
        item, ellipsis = typing.get_args(hint)
        assert ellipsis is Ellipsis, hint
        if is_dataclass(item):
            return LISTS, list_of(frozenset({dict}), functools.partial(build, item))
        return LISTS, list_of(*rule_of(item, build))
    if origin in (dict, collections.abc.Mapping):
        key, value = typing.get_args(hint)
        assert key is str, hint
        if value is Any:
            return frozenset({dict}), json_value
        return frozenset({dict}), dict_of(*rule_of(value, build))
    raise TypeError(f"no contract rule for {hint!r}")


@functools.cache
def rules(cls: type, build: Callable[[type, Any], Any]) -> dict[str, Rule]:
    """Each field's rule, from the dataclass's own annotations (one source of truth)."""
    hints = typing.get_type_hints(cls)
    return {f.name: rule_of(hints[f.name], build) for f in fields(cls)}
