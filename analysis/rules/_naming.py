"""How findings name things: a callback by its function and where it is declared; a property."""

from __future__ import annotations

from typing import Iterable

from analysis.snapshot import Callback, Dependency


def callback_label(callback: Callback) -> str:
    """The function name in backticks and where the callback is declared; a clientside one
    (whose inline function has no name of its own) says so.

    >>> callback_label(Callback(index=0, function="app.draw", file="app.py", line=4))
    '`draw` (app.py:4)'
    >>> callback_label(Callback(index=1, function="clientside:inline.ab12", kind="clientside",
    ...                         file="app.py", line=9))
    '`ab12` (clientside, app.py:9)'
    """
    if callback.kind == "clientside":
        return f"`{callback.name}` (clientside, {callback.location})"
    return f"`{callback.name}` ({callback.location})"


def callback_labels(callbacks: Iterable[Callback]) -> str:
    """Several callbacks named in a message, comma-separated, in the order given.

    >>> callback_labels([Callback(index=0, function="app.a", file="app.py", line=1),
    ...                  Callback(index=1, function="app.b")])
    '`a` (app.py:1), `b` (<unknown>)'
    """
    return ", ".join(callback_label(cb) for cb in callbacks)


def dependency_label(dependency: Dependency) -> str:
    """A property named in a message: the id as Python would write it, then the property.

    >>> dependency_label(Dependency("chart", "figure"))
    "'chart'.figure"
    """
    return f"{dependency.id_str!r}.{dependency.property}"
