"""Probe side (child process only): look at the target's objects without letting them break the probe."""

# Loaded by analysis/probe/child.py by file path inside the child process, before its other
# siblings, which import it by its private name; needs only the standard library.
#
# A target's module globals can be anything: werkzeug proxies that raise outside a request,
# lazy modules that import (and fail) on first touch, objects whose __getattr__, __eq__,
# __hash__, __len__, __iter__, __repr__ or __class__ raise, properties with side effects.
# Every question the probe asks of an object it did not create goes through here: a
# misbehaving object is skipped, never fatal, and never blamed on the target as a whole.

from __future__ import annotations

import inspect
import types
from typing import Any, Callable

#: Never swallowed: the probe's memory limit and a real interrupt still end the probe.
FATAL = (MemoryError, KeyboardInterrupt)

_MISSING = object()


def quietly(function: Callable[[], Any], default: Any = None) -> Any:
    """``function()``, or default when it raises anything but FATAL: any exception type a
    target can invent, including BaseException subclasses that are not Exceptions."""
    try:
        return function()
    except FATAL:
        raise
    except BaseException:  # noqa: BLE001 - see above: whatever it is, the object is skipped
        return default


def outcome(function: Callable[[], Any]) -> tuple[Any, BaseException | None]:
    """``(function(), None)``, or ``(None, the exception)`` for anything but FATAL: for code
    of the target's that the probe calls on purpose (factories, layout functions), whose
    error is reported."""
    try:
        return function(), None
    except FATAL:
        raise
    except BaseException as exc:  # noqa: BLE001 - the target's own error, of any type
        return None, exc


def is_a(value: Any, kind: type | tuple[type, ...]) -> bool:
    """``isinstance`` by the object's real type: ``__class__`` is never asked (it can lie,
    raise, or run a property)."""
    return quietly(lambda: issubclass(type(value), kind), False)  # a metaclass may raise


def attr(value: Any, name: str, default: Any = None) -> Any:
    """``getattr(value, name, default)``, with default for anything the read raises.

    For objects the probe was handed by Dash (apps, callback functions, components), where
    reading an attribute is what Dash itself does with them."""
    return quietly(lambda: getattr(value, name, default), default)


def static_attr(value: Any, name: str, default: Any = None) -> Any:
    """The attribute as stored, without running ``__getattr__``, properties or descriptors:
    for arbitrary module globals, where a read may have side effects."""
    return quietly(lambda: inspect.getattr_static(value, name, default), default)


def has_static(value: Any, name: str) -> bool:
    return static_attr(value, name, _MISSING) is not _MISSING


def truthy(value: Any) -> bool:
    """``bool(value)``, False when its ``__bool__`` or ``__len__`` raises."""
    return quietly(lambda: bool(value), False)


def module_globals(module: Any) -> dict:
    """A real module's namespace, read without triggering a lazy module's load; {} for
    anything else in sys.modules."""
    if not is_a(module, types.ModuleType):
        return {}
    namespace = quietly(lambda: object.__getattribute__(module, "__dict__"))
    return namespace if type(namespace) is dict else {}


def module_file(module: Any) -> str | None:
    """A module's ``__file__`` as a string, read from its namespace (no lazy load)."""
    path = dict.get(module_globals(module), "__file__")
    return path if type(path) is str else None


def items(value: Any) -> list[tuple[Any, Any]]:
    """A dict's items, or a list's or tuple's (index, item) pairs, by the built-in types'
    own methods (a subclass's overrides are not run); [] for anything else or on error."""
    if is_a(value, dict):
        return quietly(lambda: list(dict.items(value)), [])
    if is_a(value, list):
        return quietly(lambda: list(enumerate(list.copy(value))), [])
    if is_a(value, tuple):
        return quietly(lambda: list(enumerate(tuple.__iter__(value))), [])
    return []


def text(value: Any, limit: int = 300) -> str:
    """``str(value)`` cut to limit, or a placeholder when the object cannot be printed."""
    return _printed(str, value, limit)


def represent(value: Any, limit: int = 300) -> str:
    """``repr(value)`` cut to limit, or a placeholder when its ``__repr__`` raises."""
    return _printed(repr, value, limit)


def _printed(printer: Callable[[Any], Any], value: Any, limit: int) -> str:
    result = quietly(lambda: printer(value))
    return result[:limit] if type(result) is str else f"<unprintable {type(value).__name__}>"


def describe_error(exc: BaseException, limit: int = 300) -> str:
    """``TypeName: first line of the message``, even when the exception cannot be printed."""
    message = text(exc, limit * 4).strip().splitlines()
    return f"{type(exc).__name__}: {message[0][:limit] if message else '(no message)'}"
