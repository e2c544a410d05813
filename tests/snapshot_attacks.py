"""Snapshots that break the contract (issue 13), each as the bytes an attacker would send,
with the words its one-line refusal must hold; and a good snapshot to compare against."""

from __future__ import annotations

import json
from typing import Any, Callable

from analysis.snapshot import Snapshot
from snapshot_factory import COMPONENTS, server, snapshot_with_layout

DEEP = 100_000  # JSON nesting: far past every parser's recursion limit


def good() -> dict[str, Any]:
    """A small valid snapshot: one server callback with source, in a layout of one app."""
    callback = server(0, "def show(value):\n    return value\n", inputs=("year.value",),
                      outputs=("chart.figure",))
    return json.loads(snapshot_with_layout(callback, components=COMPONENTS).to_json())


def _set(path: str, value: Any) -> Callable[[dict], None]:
    """A mutation setting ``path`` (dots and list indexes: ``callbacks.0.function``)."""
    *parents, last = path.split(".")

    def mutate(data: dict) -> None:
        for step in parents:
            data = data[int(step)] if isinstance(data, list) else data[step]
        data[int(last) if isinstance(data, list) else last] = value
    return mutate


def _nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


#: name -> (mutation of good(), or raw text; words the refusal names)
ATTACKS: dict[str, tuple[Callable[[dict], None] | str, str]] = {
    "function is a number": (_set("callbacks.0.function", 123), "callbacks[0].function"),
    "source is an object": (_set("callbacks.0.source", {}), "callbacks[0].source"),
    "property is a number": (_set("callbacks.0.inputs.0.property", 123),
                             "callbacks[0].inputs[0].property"),
    "NaN": (_set("components.0.initial", {"value": float("nan")}), "NaN is not JSON"),
    "Infinity": (_set("callbacks.0.arg_grouping", [float("inf")]), "Infinity is not JSON"),
    "a number too large for a float": (
        lambda data: data["callbacks"][0].__setitem__("arg_grouping", "@HUGE@"),
        "finite numbers only"),
    "schema_version 1.0": (_set("schema_version", 1.0), "unsupported schema_version 1.0"),
    "schema_version true": (_set("schema_version", True), "unsupported schema_version True"),
    "schema_version 2": (_set("schema_version", 2), "unsupported schema_version 2"),
    "an unknown top-level key": (_set("extra", 1), "unknown field(s) ['extra']"),
    "callbacks is an object": (_set("callbacks", {}), "callbacks must be a list"),
    "a negative line": (_set("callbacks.0.line", -1), "callbacks[0].line"),
    "an id nested 40 deep": (_set("components.0.id", {"a": _nested(40)}),
                             "components[0].id['a']"),
    "JSON nested 100k deep": ('{"schema_version": 1, "target": "a", "root": "/", "notes": '
                              + "[" * DEEP + "]" * DEEP + "}", "nested too deeply"),
}


def attack_body(name: str) -> bytes:
    """The bytes of one attack."""
    mutation, _ = ATTACKS[name]
    if isinstance(mutation, str):
        return mutation.encode()
    data = good()
    mutation(data)
    return json.dumps(data).replace('"@HUGE@"', "1e999").encode()


def deep_source_snapshot() -> Snapshot:
    """A valid snapshot whose callback's source is a 200,000-deep expression: data the
    contract lets through (a string is a string), which lint must read as unparsable."""
    data = good()
    data["callbacks"][0]["source"] = ("def show(value):\n    return "
                                      + "-" * 200_000 + "value\n")
    return Snapshot.from_dict(data)
