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

import _dash_callback_explorer_guard as guard  # loaded by child.py before this module
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


def find_apps(instances: list, module: Any, module_name: str, attr: str | None,
              root: str) -> list[FoundApp]:
    """Every Dash instance with a name, primary first (named by attr, else the target's).

    With attr, only the app it names (or, when it names a Flask server, the apps that server
    serves): ``module:attr`` asks about that app, not every app sharing the process.
    ``module`` is whatever the import left in sys.modules (a target may replace its own
    entry with any object); ``module_name`` is the name it was imported as."""
    names: dict[int, str] = {}
    chosen, by_server = (_resolve_attr(module, module_name, attr, names, instances) if attr
                         else (None, False))
    if not instances and module is not None and not attr:
        _call_factory(module, module_name, names)
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
                     and f.name.split(":", 1)[0] == module_name and "[" not in f.name]
        primary = next((f for f in in_target if f.name.endswith(":app")), None)
        primary = primary or (in_target[0] if in_target else found[0])
    primary.primary = True
    server = guard.attr(primary.instance, "server")
    for app in found:
        app.served = app is primary or (
            server is not None and guard.attr(app.instance, "server") is server
        )
    others = [f for f in found if f is not primary
              and (chosen is None or (by_server and f.served))]
    return [primary] + others


def _resolve_attr(module: Any, module_name: str, attr: str, names: dict[int, str],
                  instances: list) -> tuple[Any, bool]:
    """The app the user named with ``module:attr`` (a Dash app, its Flask server, or a
    factory called without arguments: what it returns, or, when it returns None, the one app
    the call built), and whether it was named by its server. Reading or
    calling it is what the user asked for, so what it raises is the target's error."""
    missing = object()
    value, error = guard.outcome(lambda: getattr(module, attr, missing))
    if error is not None:
        raise AppLookupError(f"reading {module_name}:{attr} raised "
                             f"{guard.describe_error(error)}; name a variable that holds the "
                             f"Dash app")
    if module is None or value is missing:
        raise AppLookupError(f"{module_name} has no attribute {attr!r}; name the variable that "
                             f"holds the Dash app, e.g. {module_name}:app")
    if callable(value) and not guard.is_a(value, (dash.Dash, type)) and \
            not guard.has_static(value, "wsgi_app"):
        before = len(instances)
        value, error = guard.outcome(value)  # an app factory
        if error is not None:
            raise AppLookupError(f"{module_name}:{attr}() raised {guard.describe_error(error)}; "
                                 f"fix the factory or name the variable that holds the app")
        built = instances[before:]
        if value is None and len(built) == 1:  # a factory that builds and runs its app
            value = built[0]
        if guard.is_a(value, dash.Dash):
            names[id(value)] = f"{module_name}:{attr}()"
    if guard.is_a(value, dash.Dash):
        return value, False
    for instance in instances:  # a Flask server: the first app it serves
        if guard.attr(instance, "server") is value:
            return instance, True
    raise AppLookupError(f"{module_name}:{attr} is a {type(value).__name__}, not a Dash "
                         f"app (or its server); name the variable that holds the Dash app")


def _call_factory(module: Any, module_name: str, names: dict[int, str]) -> None:
    namespace = guard.module_globals(module)
    for name in FACTORY_NAMES:
        factory = namespace.get(name)
        if not guard.is_a(factory, types.FunctionType):
            continue
        try:
            parameters = inspect.signature(factory).parameters.values()
        except (TypeError, ValueError):  # a signature inspect cannot read: not a factory
            continue
        required = [p for p in parameters if p.default is p.empty
                    and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        if not required:
            made, error = guard.outcome(factory)
            if error is not None:
                raise AppLookupError(
                    f"{module_name}.{name}() raised {guard.describe_error(error)}; fix it, or "
                    f"name the app with {module_name}:VARIABLE")
            if guard.is_a(made, dash.Dash):
                names[id(made)] = f"{module_name}:{name}()"
            return


def _instance_names(module: Any, root: str) -> dict[int, str]:
    """``module:attr`` (or ``module:attr['key']``) for apps held in user modules' globals.

    Namespaces are read as stored: no module is loaded, no global asked anything but its
    type (see guard.py)."""
    modules = [module] if module is not None else []
    for other in list(sys.modules.values()):
        path = guard.module_file(other)
        if other is not module and path and os.path.abspath(path).startswith(root + os.sep):
            modules.append(other)
    names: dict[int, str] = {}
    for mod in modules:
        mod_name = guard.module_globals(mod).get("__name__")
        if type(mod_name) is not str:
            continue
        for attr, value in list(guard.module_globals(mod).items()):
            for suffix, item in _apps_in(value):
                names.setdefault(id(item), f"{mod_name}:{attr}{suffix}")
    return names


def _apps_in(value: Any):
    if guard.is_a(value, dash.Dash):
        yield "", value
    elif guard.is_a(value, dict):
        for key, item in guard.items(value):
            if guard.is_a(item, dash.Dash):
                yield f"[{guard.represent(key)}]", item
    else:
        for index, item in guard.items(value):
            if guard.is_a(item, dash.Dash):
                yield f"[{index}]", item


def run_setup(apps: list[FoundApp]) -> None:
    """Run each app's server setup as its first request would (primary first), so callbacks
    registered only then (page router, cancel, DashProxy) are captured; errors are recorded."""
    done: set[int] = set()
    for app in apps:
        server = guard.attr(app.instance, "server")
        hooks = guard.attr(server, "before_request_funcs")
        if server is None or not guard.is_a(hooks, dict) or \
                guard.attr(server, "test_request_context") is None:
            app.setup_error = _attempt(lambda: app.instance._setup_server())
            continue
        if id(server) in done:
            continue
        done.add(id(server))
        error = _attempt(lambda: _run_hooks(app, apps, server, hooks))  # entering the request
        app.setup_error = app.setup_error or error


def _run_hooks(app: FoundApp, apps: list[FoundApp], server: Any, hooks: dict) -> None:
    """The server's before-request hooks inside a request to the app's prefix; each hook's
    error goes to the app that owns the hook."""
    prefix = _config(app.instance, "requests_pathname_prefix") or "/"
    with server.test_request_context(prefix):
        for hook in list(hooks.get(None, ())):
            error = _attempt(hook)
            owner = guard.attr(hook, "__self__")
            # an app left out by module:attr shares the server: its setup runs, its error
            # is not the named app's
            default = None if guard.is_a(owner, dash.Dash) else app
            target = next((a for a in apps if a.instance is owner), default)
            if target is not None:
                target.setup_error = target.setup_error or error


def _attempt(function) -> str | None:
    def run() -> None:
        result = function()
        if inspect.iscoroutine(result):
            asyncio.run(result)

    _, error = guard.outcome(run)  # Dash setup errors are data for the snapshot
    return guard.describe_error(error, 500) if error is not None else None


def _config(instance: Any, key: str) -> Any:
    """One value of the app's config (Dash's AttributeDict), None when it cannot be read."""
    config = guard.attr(instance, "config")
    return guard.quietly(lambda: config.get(key)) if guard.is_a(config, dict) else None


def app_info(app: FoundApp) -> dict:
    instance = app.instance
    manager = guard.attr(instance, "_background_manager")
    use_async = guard.attr(instance, "_use_async")
    server_type = guard.attr(guard.attr(instance, "backend"), "server_type")
    return {
        "name": app.name,
        "class_name": f"{type(instance).__module__}.{type(instance).__qualname__}"
        if type(instance) is not dash.Dash else "Dash",
        "primary": app.primary,
        "served": app.served,
        "suppress_callback_exceptions": guard.truthy(
            _config(instance, "suppress_callback_exceptions")),
        "prevent_initial_callbacks": _config(instance, "prevent_initial_callbacks") or False,
        "use_pages": guard.truthy(guard.attr(instance, "use_pages")),
        "use_async": use_async if use_async is None or type(use_async) is bool else None,
        "async_available": importlib.util.find_spec("asgiref") is not None,
        "server_type": server_type if type(server_type) is str else None,
        "background_manager": type(manager).__name__ if manager is not None else None,
        "setup_error": app.setup_error,
    }
