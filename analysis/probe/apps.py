"""Probe side (child process only): find the Dash apps, pick the primary one, run server setup."""

# Loaded by analysis/probe/child.py by file path inside the child process; needs only stdlib + dash.

from __future__ import annotations

import asyncio
import importlib.util
import inspect
import os
import sys
import types
from dataclasses import dataclass
from typing import Any

import dash

#: Names tried, in order, when the target creates no app at import but offers a factory.
FACTORY_NAMES = ("create_app", "make_app", "build_app", "get_app")


class AppLookupError(Exception):
    """The ``module:attr`` the user named does not lead to a Dash app."""


@dataclass
class FoundApp:
    instance: Any
    name: str
    primary: bool = False
    served: bool = True
    setup_error: str | None = None


def find_apps(instances: list, module: types.ModuleType | None, attr: str | None,
              root: str) -> list[FoundApp]:
    """Every Dash instance with a name, primary first (named by attr, else the target's)."""
    names: dict[int, str] = {}
    chosen = _resolve_attr(module, attr, names) if attr else None
    if not instances and module is not None and not attr:
        _call_factory(module, names)
    for key, name in _instance_names(module, root).items():
        names.setdefault(key, name)
    found = []
    for number, instance in enumerate(instances, start=1):
        name = names.get(id(instance)) or f"<{type(instance).__name__} #{number}>"
        found.append(FoundApp(instance, name))
    if not found:
        return found
    if chosen is not None:
        primary = next(f for f in found if f.instance is chosen)
    else:
        in_target = [f for f in found if module is not None
                     and f.name.split(":", 1)[0] == module.__name__ and "[" not in f.name]
        primary = next((f for f in in_target if f.name.endswith(":app")), None)
        primary = primary or (in_target[0] if in_target else found[0])
    primary.primary = True
    server = getattr(primary.instance, "server", None)
    for app in found:
        app.served = app is primary or (
            server is not None and getattr(app.instance, "server", None) is server
        )
    return [primary] + [f for f in found if f is not primary]


def _resolve_attr(module: types.ModuleType | None, attr: str, names: dict[int, str]) -> Any:
    if module is None or not hasattr(module, attr):
        name = module.__name__ if module is not None else "the target"
        raise AppLookupError(f"{name} has no attribute {attr!r}; name the variable that holds "
                             f"the Dash app, e.g. {name}:app")
    value = getattr(module, attr)
    if callable(value) and not isinstance(value, (dash.Dash, type)) and \
            not hasattr(value, "wsgi_app"):
        value = value()  # an app factory
        if isinstance(value, dash.Dash):
            names[id(value)] = f"{module.__name__}:{attr}()"
    if isinstance(value, dash.Dash):
        return value
    for instance in _all_instances_of_server(value):
        return instance
    raise AppLookupError(f"{module.__name__}:{attr} is a {type(value).__name__}, not a Dash "
                         f"app (or its server); name the variable that holds the Dash app")


def _all_instances_of_server(server: Any) -> list:
    import gc

    return [obj for obj in gc.get_referrers(server)
            if isinstance(obj, dash.Dash) and getattr(obj, "server", None) is server]


def _call_factory(module: types.ModuleType, names: dict[int, str]) -> None:
    for name in FACTORY_NAMES:
        factory = getattr(module, name, None)
        if not inspect.isfunction(factory):
            continue
        required = [p for p in inspect.signature(factory).parameters.values()
                    if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        if not required:
            made = factory()
            if isinstance(made, dash.Dash):
                names[id(made)] = f"{module.__name__}:{name}()"
            return


def _instance_names(module: types.ModuleType | None, root: str) -> dict[int, str]:
    """``module:attr`` (or ``module:attr['key']``) for apps held in user modules' globals."""
    modules = [module] if module is not None else []
    for other in list(sys.modules.values()):
        path = getattr(other, "__file__", None)
        if other is not module and path and os.path.abspath(path).startswith(root + os.sep):
            modules.append(other)
    names: dict[int, str] = {}
    for mod in modules:
        for attr, value in list(vars(mod).items()):
            for suffix, item in _apps_in(value):
                names.setdefault(id(item), f"{mod.__name__}:{attr}{suffix}")
    return names


def _apps_in(value: Any):
    if isinstance(value, dash.Dash):
        yield "", value
    elif isinstance(value, dict):
        for key, item in list(value.items()):
            if isinstance(item, dash.Dash):
                yield f"[{key!r}]", item
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            if isinstance(item, dash.Dash):
                yield f"[{index}]", item


def run_setup(apps: list[FoundApp]) -> None:
    """Run each app's server setup as its first request would (primary first), so callbacks
    registered only then (page router, cancel, DashProxy) are captured; errors are recorded."""
    done: set[int] = set()
    for app in apps:
        server = getattr(app.instance, "server", None)
        hooks = getattr(server, "before_request_funcs", None)
        if server is None or hooks is None or not hasattr(server, "test_request_context"):
            app.setup_error = _attempt(app.instance._setup_server)
            continue
        if id(server) in done:
            continue
        done.add(id(server))
        prefix = app.instance.config.get("requests_pathname_prefix") or "/"
        with server.test_request_context(prefix):
            for hook in list(hooks.get(None, ())):
                error = _attempt(hook)
                owner = getattr(hook, "__self__", None)
                target = next((a for a in apps if a.instance is owner), app)
                target.setup_error = target.setup_error or error


def _attempt(function) -> str | None:
    try:
        result = function()
        if inspect.iscoroutine(result):
            asyncio.run(result)
    except Exception as exc:  # noqa: BLE001 - Dash setup errors are data for the snapshot
        return f"{type(exc).__name__}: {str(exc).strip()[:500]}"
    return None


def app_info(app: FoundApp) -> dict:
    instance = app.instance
    config = getattr(instance, "config", {})
    manager = getattr(instance, "_background_manager", None)
    return {
        "name": app.name,
        "class_name": f"{type(instance).__module__}.{type(instance).__qualname__}"
        if type(instance) is not dash.Dash else "Dash",
        "primary": app.primary,
        "served": app.served,
        "suppress_callback_exceptions": bool(config.get("suppress_callback_exceptions")),
        "prevent_initial_callbacks": config.get("prevent_initial_callbacks") or False,
        "use_pages": bool(getattr(instance, "use_pages", False)),
        "use_async": getattr(instance, "_use_async", None),
        "async_available": importlib.util.find_spec("asgiref") is not None,
        "background_manager": type(manager).__name__ if manager is not None else None,
        "setup_error": app.setup_error,
    }
