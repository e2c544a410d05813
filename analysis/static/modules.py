"""Static mode: the project's modules as parsed files, their constants and project imports."""

from __future__ import annotations

import ast
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from analysis.source.prefetch import source_lines
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
    def lines(self) -> list[str]:
        """The source's lines as ``ast`` numbers them (``source_lines``: split at newlines
        only; ``str.splitlines`` also split at form feeds and other separators, which shifted
        every later callback's recorded source). The text was read with universal newlines.
        Kept in the instance dict (``cached_property`` takes a lock per read on 3.11)."""
        cached = self.__dict__.get("_lines")
        if cached is None:
            cached = self.__dict__["_lines"] = source_lines(self.text)
        return cached

    def may_mention(self, word: str, first: int, last: int | None) -> bool:
        """False only when no line from ``first`` to ``last`` holds ``word``: a test on the
        text (the lines holding it found once per word), so a walk skips the blocks that
        cannot name it. Non-ASCII source always may (identifiers are NFKC-folded).

        >>> m = Module("m", Path("m.py"), "m.py", "a = 1\\nf(callback)\\nb = 2\\n", ast.parse(""))
        >>> m.may_mention("callback", 1, 1), m.may_mention("callback", 1, 2)
        (False, True)
        """
        if not self.text.isascii():
            return True
        marks = self.__dict__.setdefault("_marks", {})
        found = marks.get(word)
        if found is None:
            found = marks[word] = [n for n, line in enumerate(self.lines, 1) if word in line]
        at = bisect_left(found, first)
        return at < len(found) and (last is None or found[at] <= last)

    def source(self, first: int, last: int | None) -> str:
        """Lines ``first`` to ``last`` (1-based, inclusive), each ending in a newline."""
        return "\n".join(self.lines[first - 1:last]) + "\n"

    @property
    def package(self) -> str:
        return self.name if self.path.name == "__init__.py" else self.name.rpartition(".")[0]


#: Statements that hold blocks of statements (every other kind holds expressions only).
_COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.For, ast.AsyncFor,
             ast.While, ast.If, ast.With, ast.AsyncWith, ast.Try, ast.TryStar, ast.Match)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def statements(body: list[ast.stmt], into_functions: bool = True) -> Iterator[ast.stmt]:
    """Every statement of a block and of the blocks nested in it, in source order
    (expressions are not visited: a 10,000-line module has far fewer statements than nodes;
    one loop over a stack, not a generator per block, which cost as much as the walk)."""
    pending = body[::-1]
    while pending:
        statement = pending.pop()
        yield statement
        if not isinstance(statement, _COMPOUND) or (
                not into_functions and isinstance(statement, _SCOPES)):
            continue
        inner: list[ast.stmt] = []
        for name in ("body", "orelse", "finalbody"):
            inner += getattr(statement, name, None) or []
        for handler in getattr(statement, "handlers", None) or []:
            inner += handler.body
        for case in getattr(statement, "cases", None) or []:
            inner += case.body
        pending += inner[::-1]


def _stored(statement: ast.stmt) -> Iterator[str]:
    """The names one statement binds in its own scope."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield statement.name
        return
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        for alias in statement.names:
            yield (alias.asname or alias.name).split(".")[0]
        return
    targets: list[ast.AST] = []
    if isinstance(statement, ast.Assign):
        targets = list(statement.targets)
    elif isinstance(statement, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor)):
        targets = [statement.target]
    elif isinstance(statement, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in statement.items if item.optional_vars]
    for target in targets:
        for node in ast.walk(target):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                yield node.id


def _bound_once(body: list[ast.stmt], declared_global: set[str]) -> dict[str, ast.expr]:
    """Names a block binds exactly once, by ``NAME = expr`` or ``NAME: T = expr``: a name
    bound twice (or also by a loop, ``with``, augmented assignment, or a ``global`` in a
    function) has no single value."""
    values: dict[str, ast.expr] = {}
    seen: dict[str, int] = {}
    for statement in statements(body, into_functions=False):
        for name in _stored(statement):
            seen[name] = seen.get(name, 0) + 1
    for statement in body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                and isinstance(statement.targets[0], ast.Name):
            values[statement.targets[0].id] = statement.value
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) \
                and statement.value is not None:
            values[statement.target.id] = statement.value
    return {name: value for name, value in values.items()
            if seen.get(name) == 1 and name not in declared_global}


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
    declared_global: set[str] = set()
    imports: list[ast.Import | ast.ImportFrom] = []
    for statement in statements(tree.body):  # one walk for both
        if isinstance(statement, ast.Global):
            declared_global.update(statement.names)
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            imports.append(statement)
    module = Module(name, path, rel, text, tree, constants=_bound_once(tree.body, declared_global))
    for statement in tree.body:
        if isinstance(statement, ast.ClassDef):
            module.classes[statement.name] = _bound_once(statement.body, set())
    for node in imports:
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
            # a package wins over a module of the same name, as in Python's FileFinder
            if base is not None and (base / "__init__.py").is_file():
                path = base / "__init__.py"
            elif base is not None and base.with_suffix(".py").is_file():
                path = base.with_suffix(".py")
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
