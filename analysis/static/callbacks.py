"""Static mode: callback registrations read from a module's source (decorators, clientside calls)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping

from analysis.static.grouping import NotACallback, dependency, output_key, split_arguments
from analysis.static.modules import Module
from analysis.static.values import Dep, Evaluator, Unresolved, final_name

#: Keyword arguments of ``callback()`` that the snapshot records or that change nothing here.
_RECORDED = {"output", "inputs", "state", "prevent_initial_call", "background", "running",
             "progress", "cancel", "optional", "manager", "background_callback_manager",
             "config_prevent_initial_callbacks"}
#: Decorators between Dash's and the function that keep its signature.
_CACHES = {"lru_cache", "cache"}
#: The app a registration's receiver names: "module:attr", None for ``dash.callback``, or
#: UNKNOWN_APP when the receiver is not one the source tells.
UNKNOWN_APP = "<unknown>"
AppOf = Callable[[Module, ast.expr | None], str | None]
#: The statement blocks read inside other statements, in the order they are read.
_BLOCKS = {ast.If: ("body", "orelse"), ast.For: ("body", "orelse"),
           ast.AsyncFor: ("body", "orelse"), ast.While: ("body", "orelse"),
           ast.With: ("body",), ast.AsyncWith: ("body",),
           ast.Try: ("body", "orelse", "finalbody"), ast.TryStar: ("body", "orelse", "finalbody")}


@dataclass
class Registrations:
    """What one module registers: callbacks read, and the places that could not be read."""

    #: Each callback's fields but ``index`` and ``prevent_initial_call_effective``, which
    #: need every registration and app (a Callback is built once, from the whole).
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    #: The ``def`` nodes of the server callbacks read, by module name: lint's parsed sources.
    functions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = field(
        default_factory=dict)
    #: The source recorded for each of those functions, by module name and first line.
    sources: dict[str, dict[int, str]] = field(default_factory=dict)


def read_registrations(module: Module, evaluator: Evaluator, app_of: AppOf,
                       found: Registrations) -> None:
    """Every ``@...callback(...)`` and ``...clientside_callback(...)`` of the module."""
    _visit(module.tree.body, "", None, module, evaluator, app_of, found)


def _visit(body: list[ast.stmt], prefix: str, local: Mapping[str, Any] | None, module: Module,
           evaluator: Evaluator, app_of: AppOf, found: Registrations) -> None:
    for statement in body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for position, decorator in enumerate(statement.decorator_list):
                if isinstance(decorator, ast.Call) and final_name(decorator.func) == "callback" \
                        and not _plugin_hook(decorator.func):
                    _server(statement, position, prefix, local, module, evaluator, app_of, found)
            # a body registers nothing unless its text names a callback (most bodies); from
            # the def line on: a nested def's decorators stand above its own line
            if module.may_mention("callback", statement.lineno, statement.end_lineno):
                _visit(statement.body, f"{prefix}{statement.name}.<locals>.", None, module,
                       evaluator, app_of, found)
        elif isinstance(statement, ast.ClassDef):
            _visit(statement.body, f"{prefix}{statement.name}.", local, module, evaluator,
                   app_of, found)
        elif isinstance(statement, ast.For) and _registers(statement):
            for bindings in _loop_bindings(statement, local, evaluator, module, found):
                _visit(statement.body, prefix, bindings, module, evaluator, app_of, found)
        elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) \
                and final_name(statement.value.func) == "clientside_callback" \
                and not _plugin_hook(statement.value.func):
            _clientside(statement, local, module, evaluator, app_of, found)
        else:  # the blocks a compound statement holds (a simple one holds none)
            for name in _BLOCKS.get(type(statement), ()):
                _visit(getattr(statement, name), prefix, local, module, evaluator, app_of,
                       found)
            if isinstance(statement, ast.Try):
                for handler in statement.handlers:
                    _visit(handler.body, prefix, local, module, evaluator, app_of, found)


def _plugin_hook(func: ast.expr) -> bool:
    """``hooks.callback`` / ``hooks.clientside_callback`` (``dash.hooks``): a plugin's callback,
    added to every app of the process, which the probe counts as Dash's own, not the app's."""
    return isinstance(func, ast.Attribute) and final_name(func.value) == "hooks"


def _registers(loop: ast.For) -> bool:
    for node in ast.walk(loop):
        if isinstance(node, ast.Call) and final_name(node.func) in ("callback",
                                                                     "clientside_callback"):
            return True
    return False


def _loop_bindings(loop: ast.For, local: Mapping[str, Any] | None, evaluator: Evaluator,
                   module: Module, found: Registrations) -> Iterator[dict[str, Any]]:
    """One binding of the loop variable(s) per item of a literal list; none (and the loop
    recorded as unresolved) when the list or the target is not literal."""
    try:
        items = evaluator.value(loop.iter, local)
        if not isinstance(items, (list, tuple)) or loop.orelse:
            raise Unresolved(loop.iter, "a loop over something that is not a literal list")
        names = _targets(loop.target)
        for item in items:
            values = [item] if isinstance(loop.target, ast.Name) else list(item)
            if len(values) != len(names):
                raise Unresolved(loop.target, "a loop whose items do not unpack")
            yield {**(local or {}), **dict(zip(names, values))}
    except (Unresolved, TypeError) as exc:
        why = exc.why if isinstance(exc, Unresolved) else "a loop whose items do not unpack"
        found.unresolved.append(f"{module.rel}:{loop.lineno}: callbacks registered in a loop: {why}")


def _targets(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)) and all(isinstance(e, ast.Name)
                                                        for e in target.elts):
        return [e.id for e in target.elts]
    raise Unresolved(target, "a loop target that is not plain names")


def _arguments(call: ast.Call, skip: int, local: Mapping[str, Any] | None,
               evaluator: Evaluator) -> tuple[list, dict]:
    args = [evaluator.value(arg, local) for arg in call.args[skip:]
            if not isinstance(arg, ast.Starred) or _unreadable(arg)]
    kwargs: dict[str, Any] = {}
    for keyword in call.keywords:
        if keyword.arg is None:
            raise Unresolved(keyword.value, "callback(**...)")
        if keyword.arg == "running":
            kwargs["running"] = _running(keyword.value, local, evaluator)
        elif keyword.arg in _RECORDED:
            kwargs[keyword.arg] = (_class_name(keyword.value)
                                   if keyword.arg in ("manager", "background_callback_manager")
                                   else evaluator.value(keyword.value, local))
    return args, kwargs


def _unreadable(arg: ast.Starred) -> bool:
    raise Unresolved(arg, "callback(*...)")


def _running(node: ast.expr, local: Mapping[str, Any] | None, evaluator: Evaluator) -> list:
    """The Outputs of ``running=[(Output(...), on, off), ...]`` (the values need not be literal)."""
    if not isinstance(node, (ast.List, ast.Tuple)):
        raise Unresolved(node, "running= that is not a literal list")
    outputs = []
    for item in node.elts:
        if not isinstance(item, (ast.List, ast.Tuple)) or not item.elts:
            raise Unresolved(item, "a running= item that is not a literal triple")
        dep = evaluator.value(item.elts[0], local)
        if not isinstance(dep, Dep):
            raise Unresolved(item, "a running= target that is not an Output")
        outputs.append(dep)
    return outputs


def _class_name(node: ast.expr) -> str | None:
    return final_name(node.func) if isinstance(node, ast.Call) else None


def _deps(value: Any) -> tuple:
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else [value]
    if not all(isinstance(d, Dep) for d in items):
        raise NotACallback("progress=/cancel= holding something other than dependencies")
    return tuple(dependency(d) for d in items)


def _callback(split_of: ast.Call, skip: int, local: Mapping[str, Any] | None,
              evaluator: Evaluator, app: str | None, **fields: Any) -> dict[str, Any]:
    args, kwargs = _arguments(split_of, skip, local, evaluator)
    split = split_arguments(args, kwargs)
    written = split.prevent_initial_call
    if written not in (None, True, False, "initial_duplicate"):
        raise NotACallback("prevent_initial_call that is not a literal")
    config = kwargs.get("config_prevent_initial_callbacks", False)
    effective = written if written is not None else config
    fields.update(
        outputs=tuple([dependency(d) for d in split.flat_outputs]),
        inputs=tuple([dependency(d) for d in split.inputs]),
        states=tuple([dependency(d) for d in split.states]),
        multi_output=isinstance(split.outputs, (list, tuple, dict)) and bool(split.flat_outputs),
        no_output=not split.flat_outputs,
        optional=kwargs.get("optional") is True,
        output_key=output_key(split, f"static:{fields['file']}:{fields['line']}"),
        arg_grouping=split.grouping if fields.get("kind") == "server" else None,
        prevent_initial_call=written,
        config_prevents=effective is True,
        background=kwargs.get("background") is True,
        background_manager=kwargs.get("manager") or kwargs.get("background_callback_manager"),
        progress=_deps(kwargs.get("progress")) if kwargs else (),
        cancel=_deps(kwargs.get("cancel")) if kwargs else (),
        running=_deps(kwargs.get("running")) if kwargs else (),
        app=app,
    )
    return fields  # the caller's own keyword dict, completed


def _server(function: ast.FunctionDef | ast.AsyncFunctionDef, position: int, prefix: str,
            local: Mapping[str, Any] | None, module: Module, evaluator: Evaluator,
            app_of: AppOf, found: Registrations) -> None:
    decorator = function.decorator_list[position]
    first = min(d.lineno for d in function.decorator_list)
    where = f"{module.rel}:{first}"
    receiver = decorator.func.value if isinstance(decorator.func, ast.Attribute) else None
    inner = [ast.unparse(d.func if isinstance(d, ast.Call) else d)
             for d in function.decorator_list[position + 1:]]
    try:
        app = app_of(module, receiver)
        if app == UNKNOWN_APP:
            raise Unresolved(decorator, "callbacks of an app the source does not name")
        source = module.source(first, function.end_lineno)
        found.callbacks.append(_callback(
            decorator, 0, local, evaluator, app,
            function=f"{module.name}.{prefix}{function.name}", kind="server",
            module=module.name, file=module.rel, line=first, def_line=function.lineno,
            source=source, is_async=isinstance(function, ast.AsyncFunctionDef),
            wrappers=tuple("functools.lru_cache" if n.rsplit(".", 1)[-1] in _CACHES else n
                           for n in inner)))
        found.functions.setdefault(module.name, []).append(function)
        found.sources.setdefault(module.name, {})[first] = source
    except Unresolved as exc:
        found.unresolved.append(f"{where}: callback {function.name}: {exc.why}")
    except NotACallback as exc:
        found.unresolved.append(f"{where}: callback {function.name}: {exc}")


def _clientside(statement: ast.Expr, local: Mapping[str, Any] | None, module: Module,
                evaluator: Evaluator, app_of: AppOf, found: Registrations) -> None:
    call = statement.value
    assert isinstance(call, ast.Call)
    where = f"{module.rel}:{statement.lineno}"
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    try:
        app = app_of(module, receiver)
        if app == UNKNOWN_APP:
            raise Unresolved(call, "a clientside callback of an app the source does not name")
        if not call.args:
            raise NotACallback("clientside_callback() without its function")
        code, js = _clientside_function(call.args[0], local, evaluator)
        found.callbacks.append(_callback(
            call, 1, local, evaluator, app, function=code, kind="clientside",
            file=module.rel, line=statement.lineno, source=module.source(statement.lineno, statement.end_lineno),
            js_source=js))
    except Unresolved as exc:
        found.unresolved.append(f"{where}: clientside callback: {exc.why}")
    except NotACallback as exc:
        found.unresolved.append(f"{where}: clientside callback: {exc}")


def _clientside_function(node: ast.expr, local: Mapping[str, Any] | None,
                         evaluator: Evaluator) -> tuple[str, str | None]:
    """The snapshot's ``function`` and ``js_source`` for inline JavaScript or a
    ``ClientsideFunction(namespace, function_name)``."""
    if isinstance(node, ast.Call) and final_name(node.func) == "ClientsideFunction":
        given = dict(zip(("namespace", "function_name"), node.args))
        given.update({k.arg: k.value for k in node.keywords if k.arg})
        if set(given) != {"namespace", "function_name"}:
            raise Unresolved(node, "ClientsideFunction() without a namespace and a name")
        namespace = evaluator.value(given["namespace"], local)
        name = evaluator.value(given["function_name"], local)
        if not isinstance(namespace, str) or not isinstance(name, str):
            raise Unresolved(node, "ClientsideFunction() with computed names")
        return f"clientside:{namespace}.{name}", None
    code = evaluator.value(node, local)
    if not isinstance(code, str):
        raise Unresolved(node, "clientside code that is not text")
    import hashlib  # only inline clientside code is hashed (Dash's name for it)

    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()
    return f"clientside:inline.{digest[:10]}", code
