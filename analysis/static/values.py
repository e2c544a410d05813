"""Static mode: the value of an expression read from source (literals, constants, f-strings), or Unresolved."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Mapping

from analysis.static.modules import Module, Project

WILDCARDS = ("ALL", "MATCH", "ALLSMALLER")
DEPENDENCY_KINDS = ("Output", "Input", "State")
_DEPENDENCY_ARGS = ("component_id", "component_property")
#: How deep constants may refer to constants (``A = B``; ``B = f"{C}-x"``...) before giving up.
MAX_HOPS = 20


class Unresolved(Exception):
    """An expression whose value the source alone does not tell."""

    def __init__(self, node: ast.AST | None, why: str) -> None:
        super().__init__(why)
        self.line = getattr(node, "lineno", None)
        self.why = why


@dataclass(frozen=True)
class Dep:
    """An ``Output``/``Input``/``State`` read from source."""

    kind: str
    id: Any
    property: str
    allow_duplicate: bool = False
    allow_optional: bool = False


@dataclass(frozen=True)
class Wildcard:
    """``ALL``/``MATCH``/``ALLSMALLER`` inside a pattern id."""

    name: str


def final_name(node: ast.expr) -> str | None:
    """``Output`` for ``Output``, ``dash.Output``, ``dd.Output``; None for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


class Evaluator:
    """Evaluates expressions of one module, following its constants and project imports."""

    def __init__(self, project: Project, module: Module) -> None:
        self.project = project
        self.module = module

    def value(self, node: ast.expr, local: Mapping[str, Any] | None = None, hops: int = 0) -> Any:
        """The value of ``node``; Unresolved when it depends on anything but literals."""
        if hops > MAX_HOPS:
            raise Unresolved(node, "constants refer to each other too deeply")
        kind = type(node)
        if kind is ast.Constant:
            return node.value
        if kind is ast.Call:  # Output(...) and the like: most values read
            return self._call(node, local, hops)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, (ast.List, ast.Tuple)):
            items: list = []
            for item in node.elts:
                if isinstance(item, ast.Starred):
                    items.extend(self._sequence(item.value, local, hops))
                else:
                    items.append(self.value(item, local, hops))
            return items if isinstance(node, ast.List) else tuple(items)
        if isinstance(node, ast.Dict):
            result = {}
            for key, item in zip(node.keys, node.values):
                if key is None:
                    unpacked = self.value(item, local, hops)
                    if not isinstance(unpacked, dict):
                        raise Unresolved(node, "a ** entry that is not a dict")
                    result.update(unpacked)
                    continue
                result[self._key(key, local, hops)] = self.value(item, local, hops)
            return result
        if isinstance(node, ast.JoinedStr):
            return "".join(self._text(part, local, hops) for part in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.value(node.left, local, hops), self.value(node.right, local, hops)
            if type(left) is type(right) and isinstance(left, (str, list, tuple)):
                return left + right
            raise Unresolved(node, "a + of values that are not both text or lists")
        if isinstance(node, ast.Name):
            return self._name(node, local, hops)
        if isinstance(node, ast.Attribute):
            return self._attribute(node, hops)
        if isinstance(node, ast.Call):
            return self._call(node, local, hops)
        raise Unresolved(node, f"a computed value ({type(node).__name__})")

    def _key(self, key: ast.expr, local: Mapping[str, Any] | None, hops: int) -> Any:
        value = self.value(key, local, hops)
        if not isinstance(value, (str, int, float, bool)) or value is None:
            raise Unresolved(key, "a dict key that is not a literal")
        return value

    def _sequence(self, node: ast.expr, local: Mapping[str, Any] | None, hops: int) -> list:
        value = self.value(node, local, hops)
        if not isinstance(value, (list, tuple)):
            raise Unresolved(node, "a * of something that is not a list")
        return list(value)

    def _text(self, part: ast.expr, local: Mapping[str, Any] | None, hops: int) -> str:
        if isinstance(part, ast.Constant):
            return str(part.value)
        if isinstance(part, ast.FormattedValue) and part.conversion == -1 \
                and part.format_spec is None:
            value = self.value(part.value, local, hops)
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                return str(value)
        raise Unresolved(part, "an f-string part that is not a literal text or number")

    def _name(self, node: ast.Name, local: Mapping[str, Any] | None, hops: int) -> Any:
        if local is not None and node.id in local:
            return local[node.id]
        return self.global_value(node.id, node, hops)

    def global_value(self, name: str, node: ast.AST, hops: int = 0) -> Any:
        """A module-level name: a constant bound once, an imported project constant or a
        Dash wildcard."""
        module = self.module
        if name in module.constants:
            return self.value(module.constants[name], None, hops + 1)
        if name in module.imports:
            source, attribute = module.imports[name]
            if attribute in WILDCARDS and source.split(".")[0] == "dash":
                return Wildcard(attribute)
            other = self.project.get(source) if attribute else None
            if other is not None:
                return Evaluator(self.project, other).global_value(attribute, node, hops + 1)
        raise Unresolved(node, f"{name!r} is not a constant the source defines")

    def _attribute(self, node: ast.Attribute, hops: int) -> Any:
        if node.attr in WILDCARDS:  # dash.ALL, dependencies.MATCH
            return Wildcard(node.attr)
        base = node.value
        if isinstance(base, ast.Name):
            module = self.module
            if base.id in module.classes and base.id not in module.imports:
                body = module.classes[base.id]
                if node.attr in body:
                    return self.value(body[node.attr], None, hops + 1)
            elif base.id in module.imports:  # import ids; ids.SEARCH / from ids import Ids
                source, attribute = module.imports[base.id]
                other = self.project.get(f"{source}.{attribute}" if attribute else source)
                if other is not None:
                    return Evaluator(self.project, other).global_value(node.attr, node, hops + 1)
                owner = self.project.get(source) if attribute else None
                body = owner.classes.get(attribute, {}) if owner is not None else {}
                if owner is not None and node.attr in body:
                    return Evaluator(self.project, owner).value(body[node.attr], None, hops + 1)
        raise Unresolved(node, "an attribute that is not a project constant")

    def _call(self, node: ast.Call, local: Mapping[str, Any] | None, hops: int) -> Any:
        name = final_name(node.func)
        if name in DEPENDENCY_KINDS:
            return self.dependency(node, name, local, hops)
        if name == "dict" and not node.args:
            return {k.arg: self.value(k.value, local, hops) for k in node.keywords if k.arg} \
                if all(k.arg for k in node.keywords) else _unresolved(node, "dict(**...)")
        raise Unresolved(node, f"a call of {name or 'an expression'}()")

    def dependency(self, node: ast.Call, kind: str, local: Mapping[str, Any] | None,
                   hops: int) -> Dep:
        """``Output(id, prop, allow_duplicate=...)`` and the like, with literal parts."""
        if not node.keywords and len(node.args) == 2:  # Output("id", "prop"): most of them
            id_node, prop_node = node.args
            component_id = (id_node.value if type(id_node) is ast.Constant
                            else self.value(id_node, local, hops))
            prop = (prop_node.value if type(prop_node) is ast.Constant
                    else self.value(prop_node, local, hops))
            if type(component_id) is str and type(prop) is str:
                return _dep(kind, component_id, prop, False, False)
        args = dict(zip(_DEPENDENCY_ARGS, node.args))
        flags = {}
        for keyword in node.keywords:
            if keyword.arg in ("component_id", "component_property"):
                args[keyword.arg] = keyword.value
            elif keyword.arg in ("allow_duplicate", "allow_optional"):
                flags[keyword.arg] = self.value(keyword.value, local, hops)
            else:
                raise Unresolved(node, f"{kind}() with argument {keyword.arg or '**'}")
        if len(node.args) > 2 or len(args) != 2:
            raise Unresolved(node, f"{kind}() without an id and a property")
        component_id = self.value(args["component_id"], local, hops)
        prop = self.value(args["component_property"], local, hops)
        if not isinstance(prop, str) or not (isinstance(component_id, str) or
                                             _is_dict_id(component_id)):
            raise Unresolved(node, f"{kind}() whose id or property is not literal")
        if flags and not all(isinstance(v, bool) for v in flags.values()):
            raise Unresolved(node, f"{kind}() with a computed flag")
        component_id = ({k: [v.name] if isinstance(v, Wildcard) else v
                         for k, v in component_id.items()} if isinstance(component_id, dict)
                        else component_id)
        return _dep(kind, component_id, prop, flags.get("allow_duplicate", False),
                    flags.get("allow_optional", False))


def _dep(kind: str, component_id: Any, prop: str, allow_duplicate: bool,
         allow_optional: bool) -> Dep:
    """``Dep(...)`` with its instance dict filled directly (the frozen ``__init__`` sets
    each field through ``object.__setattr__``; three of these per callback)."""
    dep = object.__new__(Dep)
    dep.__dict__.update(kind=kind, id=component_id, property=prop,
                        allow_duplicate=allow_duplicate, allow_optional=allow_optional)
    return dep


def _is_dict_id(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) for k in value) and all(
        isinstance(v, (str, int, float, bool, Wildcard)) for v in value.values())


def _unresolved(node: ast.AST, why: str) -> Any:
    raise Unresolved(node, why)
