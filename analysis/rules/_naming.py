"""How findings name things: a callback by its function (and where, when it is not the one pointed at)."""

from __future__ import annotations

from typing import Iterable

from analysis.snapshot import Callback, Dependency


def callback_label(callback: Callback) -> str:
    """The callback a finding points at, named by its function in backticks (the finding's
    location says where it is); a clientside one, whose inline function has no name of its
    own, says so.

    >>> callback_label(Callback(index=0, function="app.draw", file="app.py", line=4))
    '`draw`'
    >>> callback_label(Callback(index=1, function="clientside:inline.ab12", kind="clientside",
    ...                         file="app.py", line=9))
    '`ab12` (clientside)'
    """
    if callback.kind == "clientside":
        return f"`{callback.name}` (clientside)"
    return f"`{callback.name}`"


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
    return ", ".join(_located(cb) for cb in callbacks)


def _located(callback: Callback) -> str:
    kind = "clientside, " if callback.kind == "clientside" else ""
    return f"`{callback.name}` ({kind}{callback.location})"


def dependency_label(dependency: Dependency) -> str:
    """A property named in a message: the id as Python would write it, then the property.

    >>> dependency_label(Dependency("chart", "figure"))
    "'chart'.figure"
    """
    return f"{dependency.id_str!r}.{dependency.property}"
