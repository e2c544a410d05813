"""Static mode: the project's modules as parsed files, their constants and project imports."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from analysis.source.python import parse_python

#: A module's dotted name and the attribute imported from it (None: the module itself).
ImportTarget = tuple[str, str | None]


@dataclass
class Module:
    """One parsed project file: its top-level constants, classes and project imports."""

    name: str  # dotted, as the probe would import it ("app", "pages.report")
    path: Path
    rel: str  # relative to the root, "/" separators
    text: str
    tree: ast.Module
    #: Top-level names bound exactly once by a plain assignment: their value expression.
    constants: dict[str, ast.expr] = field(default_factory=dict)
    #: Top-level classes: the names bound once in their bodies (``class Ids: SEARCH = "s"``).
    classes: dict[str, dict[str, ast.expr]] = field(default_factory=dict)
    #: Local name -> (module, attribute) for imports (anywhere in the file).
    imports: dict[str, ImportTarget] = field(default_factory=dict)

    @property
    def package(self) -> str:
        return self.name if self.path.name == "__init__.py" else self.name.rpartition(".")[0]


def _bound_once(body: list[ast.stmt]) -> dict[str, ast.expr]:
    """Names a block binds exactly once, by ``NAME = expr`` or ``NAME: T = expr``: a name
    bound twice (or also by a loop, ``with``, augmented assignment) has no single value."""
    values: dict[str, ast.expr] = {}
    seen: dict[str, int] = {}
    for statement in body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                seen[node.id] = seen.get(node.id, 0) + 1
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                seen[node.name] = seen.get(node.name, 0) + 1
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                and isinstance(statement.targets[0], ast.Name):
            values[statement.targets[0].id] = statement.value
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) \
                and statement.value is not None:
            values[statement.target.id] = statement.value
    # a function's local names also count in ast.walk: only module-level stores matter,
    # so a name stored inside a def is counted there too (fewer constants, never a wrong one)
    return {name: value for name, value in values.items() if seen.get(name) == 1}


def read_module(name: str, path: Path, root: Path) -> Module | None:
    """The parsed module, or None when the file cannot be read or parsed."""
    try:
        text = path.read_text(encoding="utf-8")
        tree = parse_python(text)
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    module = Module(name, path, rel, text, tree, constants=_bound_once(tree.body))
    for statement in tree.body:
        if isinstance(statement, ast.ClassDef):
            module.classes[statement.name] = _bound_once(statement.body)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    module.imports[alias.asname] = (alias.name, None)
                else:
                    head = alias.name.split(".")[0]
                    module.imports[head] = (head, None)
        elif isinstance(node, ast.ImportFrom):
            source = absolute_module(module, node.module, node.level)
            for alias in node.names:
                if alias.name != "*":
                    module.imports[alias.asname or alias.name] = (source, alias.name)
    return module


def absolute_module(module: Module, name: str | None, level: int) -> str:
    """The dotted name an ``import``/``from`` statement in ``module`` names."""
    if not level:
        return name or ""
    parts = module.package.split(".") if module.package else []
    base = parts[: len(parts) - (level - 1)] if level > 1 else parts
    return ".".join([*base, *([name] if name else [])])


class Project:
    """The project's modules under one root, each read at most once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._modules: dict[str, Module | None] = {}

    def add(self, name: str, path: Path) -> Module | None:
        if name not in self._modules:
            self._modules[name] = read_module(name, path, self.root)
        return self._modules[name]

    def get(self, name: str) -> Module | None:
        """The module of that dotted name when it is a file under the root."""
        if name not in self._modules:
            base = self.root.joinpath(*name.split(".")) if name else None
            path = None
            if base is not None and base.with_suffix(".py").is_file():
                path = base.with_suffix(".py")
            elif base is not None and (base / "__init__.py").is_file():
                path = base / "__init__.py"
            self._modules[name] = read_module(name, path, self.root) if path else None
        return self._modules[name]

    def imported_by(self, module: Module) -> list[Module]:
        """The project modules ``module`` imports (a ``from pkg import mod`` included)."""
        found: list[Module] = []
        for source, attribute in module.imports.values():
            candidates = [f"{source}.{attribute}", source] if attribute else [source]
            parts = source.split(".")
            candidates += [".".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]
            for candidate in candidates:
                other = self.get(candidate)
                if other is not None:
                    found.append(other)
        return found

    def modules(self) -> list[Module]:
        return [m for m in self._modules.values() if m is not None]
