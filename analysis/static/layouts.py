"""Static mode: the components of layouts built from literal component trees."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any, Mapping

from analysis.probe.plain import MAX_CHOICES, OPAQUE, plain_value, scalars
from analysis.snapshot import Component, Layout, from_fields, id_to_str
from analysis.static.modules import Module, Project
from analysis.static.values import Evaluator, Unresolved, Wildcard, final_name


#: Where a component class comes from -> the namespace Dash gives its type.
NAMESPACES = {"dash.html": "dash_html_components", "dash.dcc": "dash_core_components",
              "dash.dash_table": "dash_table"}
#: Props that hold data, never components: a value the source does not tell leaves the
#: component's initial values unknown, not the layout's ids.
DATA_PROPS = frozenset({
    "figure", "data", "options", "columns", "style", "className", "value", "marks", "rowData",
    "columnDefs", "src", "href", "min", "max", "step", "placeholder", "start_date", "end_date",
    "date", "config", "dashGridOptions", "defaultColDef", "page_size", "style_table",
    "style_cell", "style_data_conditional", "style_header", "elements", "stylesheet",
    "tooltip_data", "min_date_allowed", "max_date_allowed", "disabled", "width", "height",
})
#: Dash core components whose first positional argument is not ``children``.
_NO_CHILDREN = {"Graph", "Store", "Input", "Dropdown", "Location", "Interval", "Download",
                "Slider", "RangeSlider", "Checklist", "RadioItems", "DatePickerSingle",
                "DatePickerRange", "Textarea", "ConfirmDialog", "DataTable"}
#: The positional parameters of Dash core components that take data first (Dash >= 2.1:
#: ``dcc.Dropdown(options, value, id=...)``).
_POSITIONAL = {"Dropdown": ("options", "value"), "Checklist": ("options", "value"),
               "RadioItems": ("options", "value"),
               "Slider": ("min", "max", "step", "marks", "value"),
               "RangeSlider": ("min", "max", "step", "marks", "value")}
#: What ``dash.page_container`` holds (Dash's own components, with ids).
PAGE_CONTAINER = (("_pages_location", "dash_core_components.Location"),
                  ("_pages_content", "dash_html_components.Div"),
                  ("_pages_store", "dash_core_components.Store"),
                  ("_pages_dummy", "dash_html_components.Div"))


@dataclass
class LayoutReading:
    """The components found in one layout and what could not be read there."""

    name: str
    app: str
    components: list[Component] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)

    def layout(self, path: str | None = None, file: str | None = None) -> Layout:
        counts: dict[str, int] = {}
        for component in self.components:
            text = id_to_str(component.id)
            counts[text] = counts.get(text, 0) + 1
        return Layout(self.name, self.app, path=path, file=file,
                      duplicate_ids=tuple(sorted(t for t, n in counts.items() if n > 1)),
                      unresolved=tuple(self.unresolved))


class TreeReader:
    """Walks a layout expression, recording components with ids into a LayoutReading."""

    def __init__(self, project: Project, reading: LayoutReading) -> None:
        self.project = project
        self.reading = reading
        self._stack: set[tuple[str, str]] = set()
        self._around: list[str] = []  # the ids of the components around the one being read

    def read(self, node: ast.expr, module: Module, what: str) -> None:
        """Record the tree's components; an unreadable part is recorded as unresolved."""
        try:
            self.walk(node, Evaluator(self.project, module))
        except Unresolved as exc:
            self.reading.unresolved.append(f"{module.rel}:{exc.line or node.lineno}: "
                                           f"{what}: {exc.why}")

    def walk(self, node: ast.expr, evaluator: Evaluator,
             local: Mapping[str, Any] | None = None) -> Any:
        """The plain value of a layout expression, its components recorded on the way."""
        module = evaluator.module
        if isinstance(node, ast.Call):
            namespace = self._namespace(node.func, module)
            if namespace is not None:
                return self._component(node, namespace, evaluator, local)
            function = self._function(node.func, module)
            if function is not None:
                bindings = self._bind(function[0], node, evaluator, local)
                return self.function_tree(*function, bindings)
        if isinstance(node, (ast.List, ast.Tuple)):
            if any(isinstance(e, ast.Starred) for e in node.elts):
                raise Unresolved(node, "a * inside a layout list")
            return [self.walk(e, evaluator, local) for e in node.elts]
        if isinstance(node, ast.Attribute) and node.attr == "page_container":
            for component_id, kind in PAGE_CONTAINER:
                self.reading.components.append(Component(component_id, kind, self.reading.name))
            return OPAQUE
        if isinstance(node, ast.Name) and not (local and node.id in local):
            return self._named(node, evaluator)
        return evaluator.value(node, local)

    def function_tree(self, function: ast.FunctionDef, module: Module,
                      bindings: dict[str, Any] | None = None) -> Any:
        """The tree a layout function returns when its body is one ``return <tree>``, called
        with literal arguments (``bindings``) or none."""
        body = function.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]
        if bindings is None:
            bindings = self._bind(function, ast.Call(func=function, args=[], keywords=[]),
                                  Evaluator(self.project, module), None)
        if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
            raise Unresolved(function, f"{function.name}() computes its layout")
        return self._once((module.name, function.name), body[0].value, module, bindings)

    def _bind(self, function: ast.FunctionDef, call: ast.Call, evaluator: Evaluator,
              local: Mapping[str, Any] | None) -> dict[str, Any]:
        """The function's parameters bound to the call's literal arguments and its defaults."""
        arguments = function.args
        if arguments.vararg or arguments.posonlyargs or any(
                isinstance(a, ast.Starred) for a in call.args) or any(
                k.arg is None for k in call.keywords):
            raise Unresolved(call, f"{function.name}() with */** arguments")
        names = [a.arg for a in arguments.args + arguments.kwonlyargs]
        defaults = dict(zip([a.arg for a in arguments.args][::-1], arguments.defaults[::-1]))
        defaults.update({a.arg: d for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults)
                         if d is not None})
        given = dict(zip(names, call.args))
        given.update({k.arg: k.value for k in call.keywords if k.arg})
        if len(call.args) > len(arguments.args) or set(given) - set(names):
            raise Unresolved(call, f"{function.name}() called with other arguments")
        bindings = {}
        definitions = Evaluator(self.project, self._module_of(function) or evaluator.module)
        for name in names:
            if name in given:  # a component argument is read where the call site builds it
                bindings[name] = self.walk(given[name], evaluator, local)
            elif name in defaults:
                bindings[name] = definitions.value(defaults[name])
            else:
                raise Unresolved(call, f"{function.name}() needs argument {name}")
        return bindings

    def _module_of(self, function: ast.FunctionDef) -> Module | None:
        return next((m for m in self.project.modules() if function in m.tree.body), None)

    def _once(self, key: tuple[str, str], node: ast.expr, module: Module,
              local: Mapping[str, Any] | None = None) -> Any:
        if key in self._stack:
            raise Unresolved(node, "a layout that contains itself")
        self._stack.add(key)
        try:
            return self.walk(node, Evaluator(self.project, module), local)
        finally:
            self._stack.discard(key)

    def _named(self, node: ast.Name, evaluator: Evaluator) -> Any:
        module = evaluator.module
        if node.id in module.constants:
            return self._once((module.name, node.id), module.constants[node.id], module)
        if node.id in module.imports:
            source, attribute = module.imports[node.id]
            other = self.project.get(source) if attribute else None
            if other is not None and attribute in other.constants:
                return self._once((other.name, attribute), other.constants[attribute], other)
        return evaluator.value(node)

    def _function(self, callee: ast.expr, module: Module) -> tuple[ast.FunctionDef, Module] | None:
        if isinstance(callee, ast.Name):
            found = top_function(module, callee.id)
            if found is not None:
                return found, module
            if callee.id in module.imports:
                source, attribute = module.imports[callee.id]
                other = self.project.get(source) if attribute else None
                found = top_function(other, attribute) if other else None
                if found is not None and other is not None:
                    return found, other
        return None

    def _namespace(self, callee: ast.expr, module: Module) -> str | None:
        """``dash_html_components`` for ``html.Div`` and the like: None when the call is not
        of a component class from an installed package."""
        if not (final_name(callee) or "")[:1].isupper():
            return None
        if isinstance(callee, ast.Attribute):
            base = callee.value
            if isinstance(base, ast.Name) and base.id in module.imports:
                source, attribute = module.imports[base.id]
                path = f"{source}.{attribute}" if attribute else source
            elif isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name):
                path = f"{base.value.id}.{base.attr}"
            else:
                return None
        elif isinstance(callee, ast.Name) and callee.id in module.imports:
            path = module.imports[callee.id][0]
        else:
            return None
        if self.project.get(path.split(".")[0]) is not None or path in ("dash", "dash.dash"):
            return None  # the project's own class, or dash.Dash
        return NAMESPACES.get(path, path.split(".")[0])

    def _component(self, call: ast.Call, namespace: str, evaluator: Evaluator,
                   local: Mapping[str, Any] | None) -> Any:
        type_name = final_name(call.func) or ""
        props: dict[str, ast.expr] = {}
        known = True
        if call.args:
            names = (_POSITIONAL.get(type_name, ()) if namespace == "dash_core_components"
                     else ())
            if namespace == "dash_html_components" or type_name not in _NO_CHILDREN:
                names = ("children",)
            props.update(zip(names, call.args))
            known = len(call.args) <= len(names)
        for keyword in call.keywords:
            if keyword.arg is None:
                raise Unresolved(call, f"{type_name}(**...)")
            props[keyword.arg] = keyword.value
        component_id = None
        if "id" in props:
            component_id = evaluator.value(props.pop("id"), local)
            if not (isinstance(component_id, str) or isinstance(component_id, dict) and all(
                    isinstance(v, (str, int, float, bool)) and not isinstance(v, Wildcard)
                    for v in component_id.values())):
                raise Unresolved(call, f"{type_name} id that is not a literal")
        elif call.args and not known:
            raise Unresolved(call, f"positional arguments of {type_name}: which is the id is "
                                   f"not known without importing it")
        initial: dict[str, Any] | None = {}
        values: dict[str, Any] = {}
        position = len(self.reading.components)  # the probe lists a component before its children
        text = id_to_str(component_id) if component_id is not None else None
        within = self._around.count(text) if text is not None else 0
        self._around.append(text or "")
        try:
            self._props(props, values, evaluator, local)
        finally:
            self._around.pop()
        if any(v is _UNKNOWN for v in values.values()):
            initial = None
        for prop, value in values.items():
            if initial is not None:
                initial[prop] = plain_value(value)
        if component_id is not None:  # a Component(...), filled directly: one per id
            self.reading.components.insert(position, from_fields(Component, {
                "id": component_id, "type": f"{namespace}.{type_name}",
                "layout": self.reading.name, "file": evaluator.module.rel, "line": call.lineno,
                "initial": initial if known else None,
                "choices": _choices(type_name, values) if known else None, "within": within}))
        return from_fields(Made, {"type": type_name, "props": values})

    def _props(self, props: dict[str, ast.expr], values: dict[str, Any], evaluator: Evaluator,
               local: Mapping[str, Any] | None) -> None:
        """Each prop's value into ``values`` (_UNKNOWN for a data prop the source computes)."""
        for prop, node in props.items():
            try:
                values[prop] = self.walk(node, evaluator, local)
            except Unresolved:
                if prop not in DATA_PROPS:
                    raise
                values[prop] = _UNKNOWN


@dataclass(frozen=True)
class Made:
    """A component in a layout expression: its type and the values of the props given."""

    type: str
    props: dict = field(hash=False, compare=False)


#: A prop whose value the source does not tell.
_UNKNOWN = object()
#: The probe's ``option_values``: the props listing a control's options, and how many it keeps.
_OPTION_PROPS = ("options", "data")
_TAB_TYPES = ("Tab", "TabsTab")


def _choices(type_name: str, props: dict) -> tuple | None:
    """The values a control offers (as the probe's ``option_values``), when the source
    lists them all: options' values, or the Tab children's ``value`` of a Tabs."""
    if type_name.endswith(("Store", "Graph", "DataTable", "AgGrid")):
        return None
    if type_name == "Tabs":
        children = props.get("children")
        children = children if isinstance(children, list) else [children]
        values = [c.props.get("value", _UNKNOWN) for c in children if isinstance(c, Made)
                  and c.type in _TAB_TYPES]
        if len(values) != len(children):
            return None
        return _scalars(values)
    for prop in _OPTION_PROPS:
        options = props.get(prop)
        if isinstance(options, dict):
            return _scalars(list(options))
        if isinstance(options, (list, tuple)) and options:
            return _scalars([o.get("value", _UNKNOWN) if isinstance(o, dict) else o
                             for o in options])
    return None


def _scalars(values: list) -> tuple | None:
    kept = scalars(values)
    return None if kept is None else tuple(kept)


def top_function(module: Module, name: str | None) -> ast.FunctionDef | None:
    """The module's top-level ``def name`` when it is defined once."""
    found = [s for s in module.tree.body if isinstance(s, ast.FunctionDef) and s.name == name]
    return found[0] if len(found) == 1 and name not in module.constants else None
