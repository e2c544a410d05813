"""Static mode: the snapshot of a project read from source: its modules, apps, callbacks, layouts."""

from __future__ import annotations

import ast
import dataclasses
import sys
import time
from pathlib import Path

from analysis.targets import resolve_target, script_module_name
from analysis.errors import TargetError
from analysis.source.prefetch import ParsedSources
from analysis.snapshot import AppInfo, Callback, Component, Layout, Snapshot, from_fields
from analysis.static.caches import cached_functions
from analysis.static.callbacks import UNKNOWN_APP, Registrations, read_registrations
from analysis.static.layouts import LayoutReading, TreeReader, top_function
from analysis.static.modules import Module, Project
from analysis.static.values import Evaluator, Unresolved, final_name

APP_CLASSES = {"Dash": "Dash", "DashProxy": "dash_extensions.enrich.DashProxy"}
#: ``Dash(...)`` keywords the snapshot records (the rest change nothing the rules read).
APP_OPTIONS = ("suppress_callback_exceptions", "prevent_initial_callbacks", "use_pages",
               "pages_folder", "use_async", "backend")
NOTE = ("static mode: read from the source alone, no code of the target ran; what the "
        "source does not tell is left out (see docs/static.md)")


def static_snapshot(target: str, sources: ParsedSources | None = None) -> Snapshot:
    """The snapshot of ``target`` (as the CLI takes it) from its source files alone; each
    file read is handed to ``sources`` too, so lint does not parse it again."""
    resolved = resolve_target(target)
    project = Project(resolved.root)
    if resolved.file is not None:
        first = project.add(resolved.module or script_module_name(resolved.file), resolved.file)
    else:
        first = project.get(resolved.module or "")
    if first is None:
        raise TargetError(f"{target}: cannot read or parse its source; static mode needs "
                          f"Python source that parses")
    modules = _imported(project, [first])
    apps = _apps(project, modules, first)
    folders = _pages(project, apps, modules)
    if folders:
        modules = _imported(project, modules + folders)
    pages = [m for m in modules if _register_page(m) is not None]
    found = Registrations()
    app_of = _AppOf(project, apps)
    for module in modules:
        read_registrations(module, Evaluator(project, module), app_of, found)
    for module in modules if sources is not None else ():
        if module.name in found.functions:
            sources.add_functions(module.path, module.lines, found.functions[module.name],
                                  found.sources[module.name])
    infos = [info for info, _ in apps.values()]
    primary = next((i for i in infos if i.primary), None)
    prevents = {info.name: info.prevent_initial_callbacks is True for info in infos}
    callbacks = []
    for index, fields in enumerate(found.callbacks):  # each dict is used once: completed here
        fields["prevent_initial_call_effective"] = _effective(fields, prevents)
        del fields["config_prevents"]
        fields["index"] = index
        callbacks.append(from_fields(Callback, fields))
    layouts, components = _layouts(project, modules, apps, pages, primary)
    return Snapshot(
        target=target, root=str(resolved.root), callbacks=tuple(callbacks), apps=tuple(infos),
        layouts=tuple(layouts), components=tuple(components),
        python_version=".".join(str(v) for v in sys.version_info[:3]),  # as the probe
        # datetime.now(timezone.utc).isoformat(timespec="seconds"), without importing datetime
        created_at=time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
        cached_functions=tuple(cached_functions(
            project, [m for m in modules if any(cb.module == m.name for cb in callbacks)])),
        notes=(NOTE,), static=True, unresolved=tuple(found.unresolved),
    )


def _imported(project: Project, start: list[Module]) -> list[Module]:
    """``start`` and every project module they import, transitively, each once."""
    order, seen = list(start), {m.name for m in start}
    for module in order:
        for other in project.imported_by(module):
            if other.name not in seen:
                seen.add(other.name)
                order.append(other)
    return order


def _apps(project: Project, modules: list[Module], first: Module) -> dict[tuple[str, str], tuple[AppInfo, ast.Call]]:
    """Module-level ``NAME = Dash(...)`` of the modules read, with their literal options."""
    found: dict[tuple[str, str], tuple[AppInfo, ast.Call]] = {}
    for module in modules:
        for name, value in module.constants.items():
            if isinstance(value, ast.Call) and final_name(value.func) in APP_CLASSES:
                found[(module.name, name)] = (_app_info(project, module, name, value), value)
    keys = list(found)
    primary = next((k for k in keys if k == (first.name, "app")), None) or next(
        (k for k in keys if k[0] == first.name), keys[0] if keys else None)
    for key in keys:
        info, call = found[key]
        found[key] = (dataclasses.replace(info, primary=key == primary,
                                          served=key == primary), call)
    return found


def _app_info(project: Project, module: Module, name: str, call: ast.Call) -> AppInfo:
    evaluator = Evaluator(project, module)
    options: dict = {}
    for keyword in call.keywords:
        if keyword.arg in APP_OPTIONS:
            try:
                options[keyword.arg] = evaluator.value(keyword.value)
            except Unresolved:
                options[keyword.arg] = None
    for statement in module.tree.body:  # app.config.suppress_callback_exceptions = True
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Attribute)
                    and target.value.attr == "config" and isinstance(target.value.value, ast.Name)
                    and target.value.value.id == name and target.attr in APP_OPTIONS):
                try:
                    options[target.attr] = evaluator.value(statement.value)
                except Unresolved:
                    options[target.attr] = None
    prevent = options.get("prevent_initial_callbacks", False)
    backend = options.get("backend", "flask")  # Dash 4's default backend
    return AppInfo(
        name=f"{module.name}:{name}", class_name=APP_CLASSES[final_name(call.func) or "Dash"],
        # an option the source does not tell counts as set: it silences the rules reading it
        suppress_callback_exceptions=options.get("suppress_callback_exceptions", False) is not False,
        prevent_initial_callbacks=prevent if isinstance(prevent, (bool, str)) else True,
        use_pages=bool(options.get("use_pages")) or "pages_folder" in options,
        use_async=options.get("use_async") if isinstance(options.get("use_async"), bool) else None,
        # a backend the source does not tell is not Flask's: DASH061 then stays silent
        server_type=backend if isinstance(backend, str) else "unknown",
    )


class _AppOf:
    """The app a registration's receiver (``app`` of ``app.callback``) names."""

    def __init__(self, project: Project, apps: dict) -> None:
        self.project = project
        self.apps = apps

    def __call__(self, module: Module, receiver: ast.expr | None) -> str | None:
        if receiver is None:
            return None
        if isinstance(receiver, ast.Name):
            key = (module.name, receiver.id)
            if receiver.id in module.imports:
                source, attribute = module.imports[receiver.id]
                if source == "dash" and attribute is None:
                    return None  # dash.callback
                key = (source, attribute or "")
            if key in self.apps:
                return self.apps[key][0].name
        if len(self.apps) == 1:  # register(app) in a helper: the one app the source creates
            return next(iter(self.apps.values()))[0].name
        return UNKNOWN_APP


def _effective(fields: dict, prevents: dict[str, bool]) -> bool:
    """What Dash sends the renderer: the written value (or ``config_prevent_initial_callbacks``
    of ``dash.callback``), else the registering app's ``prevent_initial_callbacks``."""
    if fields["prevent_initial_call"] is not None or fields["config_prevents"]:
        return fields["config_prevents"]
    return prevents.get(fields["app"] or "", False)


def _pages(project: Project, apps: dict, modules: list[Module]) -> list[Module]:
    """The page modules Dash imports for a ``use_pages`` app: every ``.py`` in its pages
    folder (``pages`` beside the app's module unless ``pages_folder`` says otherwise)."""
    pages: list[Module] = []
    for (module_name, _), (info, call) in apps.items():
        if not info.use_pages:
            continue
        module = next(m for m in modules if m.name == module_name)
        folder_name = "pages"
        for keyword in call.keywords:
            if keyword.arg == "pages_folder" and isinstance(keyword.value, ast.Constant):
                folder_name = str(keyword.value.value)
        if not folder_name:  # Dash imports no pages then (Dash.init_app)
            continue
        folder = module.path.parent / folder_name
        for path in sorted(folder.rglob("*.py")) if folder.is_dir() else ():
            if path.name.startswith(("_", ".")):
                continue
            parts = path.relative_to(project.root).with_suffix("").parts
            page = project.add(".".join(parts), path)
            if page is not None:
                pages.append(page)
    return pages


def _layouts(project: Project, modules: list[Module], apps: dict, pages: list[Module],
             primary: AppInfo | None) -> tuple[list[Layout], list[Component]]:
    layouts: list[Layout] = []
    components: list[Component] = []
    for key, (info, _) in apps.items():
        reading = LayoutReading("app" if info.primary else info.name, info.name)
        tree = TreeReader(project, reading)
        assigned = [(m, s) for m in modules for s in m.tree.body if _sets_layout(s, m, key)]
        if len(assigned) != 1:
            reading.unresolved.append(f"{info.name}: {len(assigned)} assignments of its layout")
        else:
            module, statement = assigned[0]
            _read_layout(tree, statement.value, module)
        layouts.append(reading.layout())
        components += reading.components
    page_app = next((i for i, _ in apps.values() if i.use_pages), primary)
    for page in pages:
        if page_app is None:
            break
        call = _register_page(page)
        first = call.args[0] if call is not None and call.args else None
        name = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) \
            else page.name
        if any(layout.name == name and layout.app == page_app.name for layout in layouts):
            name = f"{name} (page)"  # as the probe names a page registered by the app's module
        reading = LayoutReading(name, page_app.name)
        _read_page(TreeReader(project, reading), page)
        layouts.append(reading.layout(path=_page_path(call, name), file=page.rel))
        components += reading.components
    return layouts, components


def _sets_layout(statement: ast.stmt, module: Module, key: tuple[str, str]) -> bool:
    """``app.layout = ...`` for the app of ``key`` (by its name in its own module, or a
    project import of it)."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
        return False
    target = statement.targets[0]
    if not (isinstance(target, ast.Attribute) and target.attr == "layout"
            and isinstance(target.value, ast.Name)):
        return False
    name = target.value.id
    if module.name == key[0] and name == key[1]:
        return True
    return module.imports.get(name) == key


def _read_layout(tree: TreeReader, node: ast.expr, module: Module) -> None:
    """A layout value: a tree, or a function Dash calls (``app.layout = serve_layout``)."""
    if isinstance(node, ast.Name):
        function = top_function(module, node.id)
        if function is not None:
            try:
                tree.function_tree(function, module)
            except Unresolved as exc:
                tree.reading.unresolved.append(f"{module.rel}:{exc.line}: layout: {exc.why}")
            return
    tree.read(node, module, "layout")


def _page_path(call: ast.Call | None, name: str) -> str:
    """The page's ``path_template``, else its ``path``, else Dash's default from its name."""
    given = {k.arg: k.value for k in call.keywords if k.arg} if call is not None else {}
    for keyword in ("path_template", "path"):
        value = given.get(keyword)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value.value
    return "/" + name.split(".")[-1].replace("_", "-")


def _register_page(module: Module) -> ast.Call | None:
    """The module's top-level ``dash.register_page(...)`` call, if it has one."""
    for statement in module.tree.body:
        call = statement.value if isinstance(statement, ast.Expr) else None
        if isinstance(call, ast.Call) and final_name(call.func) == "register_page":
            return call
    return None


def _read_page(tree: TreeReader, page: Module) -> None:
    """A page's layout: ``register_page(layout=...)``, ``layout = ...`` or ``def layout()``."""
    call = _register_page(page)
    for keyword in call.keywords if call is not None else ():
        if keyword.arg == "layout":
            _read_layout(tree, keyword.value, page)
            return
    if "layout" in page.constants:
        _read_layout(tree, page.constants["layout"], page)
        return
    function = top_function(page, "layout")
    if function is not None:
        _read_layout(tree, ast.Name(id="layout", lineno=function.lineno), page)
        return
    tree.reading.unresolved.append(f"{page.rel}: no layout the source defines")
