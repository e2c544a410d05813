"""Parse a project's source files while the probe runs, so lint finds callback functions ready."""

from __future__ import annotations

import ast
import os
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from analysis.source.python import FunctionNode, parse_python

#: Folders that hold no project code (virtualenvs are also recognised by ``pyvenv.cfg``).
SKIPPED_DIRS = frozenset({
    "__pycache__", "node_modules", "site-packages", "dist-packages", "build", "dist",
})
MAX_FILE_BYTES = 4_000_000
MAX_FILES = 2_000


def function_facts() -> tuple[Callable[[FunctionNode], object], ...]:
    """What the rules ask of every function, computed ahead: the two walks and the memoised
    analyses (``analysis.source.python.per_function``). Imported here, when a parse ahead
    uses them: static mode hands lint its functions without them (``add_functions``)."""
    from analysis.source.flow import can_fall_off_end, is_generator, returns
    from analysis.source.python import all_nodes, body_nodes, reads_trigger
    from analysis.source.signature import inner_decorator_names

    return (all_nodes, body_nodes, returns, is_generator, can_fall_off_end, reads_trigger,
            inner_decorator_names)


#: Only files that can register a callback are worth parsing ahead of time.
CALLBACK_MARKER = b"callback"


def source_lines(text: str) -> list[str]:
    """Lines as Python numbers them, without their ends: ``text`` (its newlines made
    ``\\n`` already, as universal newlines read it) split at newlines only
    (``str.splitlines`` also splits at form feeds and other separators, which shifts every
    later line). One ``str.split``, no second string per line.

    >>> source_lines("a = 1\\n\\x0c\\nb = 2\\n")
    ['a = 1', '\\x0c', 'b = 2']
    """
    lines = text.split("\n")
    if not lines[-1]:
        lines.pop()
    return lines


@dataclass
class ParsedFile:
    lines: list[str]
    functions: dict[int, FunctionNode]  # by first line: the first decorator's, else the def's
    #: By first line, the source a static snapshot recorded for the function there, cut from
    #: ``lines`` (``add_functions``): a snapshot holding exactly that text needs no compare.
    sources: dict[int, str] = field(default_factory=dict)


@dataclass
class ParsedSources:
    """Whole-file parses, keyed by absolute path.

    A callback's function is taken from them only when the file still holds exactly the
    source the probe recorded; otherwise lint parses the recorded source as usual. Nodes
    from a whole file carry absolute line numbers (a parse of the recorded source counts
    from 1): rules relate lines through ``Callback.def_line``, never through raw numbers.
    """

    files: dict[str, ParsedFile] = field(default_factory=dict)

    def add(self, path: str | os.PathLike, stop: threading.Event | None = None) -> None:
        """Parse one file and walk its decorated functions; unreadable files are skipped."""
        path = os.path.abspath(path)
        if path in self.files:
            return
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                return  # a FIFO or device named *.py would block or never end
            with open(path, "rb") as handle:
                data = handle.read()
            if CALLBACK_MARKER not in data:
                return
            # As the probe reads it (universal newlines), so recorded source compares equal.
            text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
            tree = parse_python(text, path)
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError, RecursionError,
                MemoryError):
            return
        self.add_parsed(path, text, tree, stop)

    def add_parsed(self, path: str | os.PathLike, text: str, tree: ast.Module,
                   stop: threading.Event | None = None) -> None:
        """Keep a parsed file with its decorated functions' facts computed ahead (the probe's
        run is time lint would otherwise wait through)."""
        functions: list[FunctionNode] = []
        facts = function_facts()
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.decorator_list:
                if stop is not None and stop.is_set():
                    break
                functions.append(node)
                for analysis in facts:  # kept on the node: the rules find them done
                    analysis(node)
        self.add_functions(path, source_lines(text), functions)

    def add_functions(self, path: str | os.PathLike, lines: list[str],
                      functions: Iterable[FunctionNode],
                      sources: dict[int, str] | None = None) -> None:
        """Keep decorated functions of a file parsed elsewhere: static mode parses the project
        and finds its callbacks' functions itself, and no probe runs meanwhile, so their facts
        are left to the rules that ask (each computed once, on the node). ``lines``: the
        file's ``source_lines``; ``sources``: the source recorded for each function, by its
        first line, when cut from those lines (static mode)."""
        self.files[os.path.abspath(path)] = ParsedFile(lines, {
            min([node.lineno] + [d.lineno for d in node.decorator_list]): node
            for node in functions}, dict(sources or {}))

    def function(self, path: str, line: int | None, source: str | None,
                 def_line: int | None = None) -> FunctionNode | None:
        """The parsed function starting at ``line`` of ``path`` (its ``def`` at ``def_line``)
        if the file there still reads ``source``, all of the function included, else None.

        >>> import tempfile
        >>> with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        ...     _ = f.write("x = 1\\n@app.callback(o, i)\\ndef f(a):\\n    return a\\n")
        >>> sources = ParsedSources(); sources.add(f.name)
        >>> sources.function(f.name, 2, "@app.callback(o, i)\\ndef f(a):\\n    return a\\n").name
        'f'
        >>> sources.function(f.name, 2, "@app.callback(o, i)\\ndef f(b):\\n    return b\\n") is None
        True
        """
        parsed = self.files.get(path) or self.files.get(os.path.abspath(path))
        if parsed is None or not line or not source:
            return None
        node = parsed.functions.get(line)
        if node is None or (def_line is not None and node.lineno != def_line):
            return None
        if parsed.sources.get(line) == source:  # the text cut from these lines (static mode)
            return node
        count = source.count("\n") + (0 if source.endswith("\n") else 1)
        if (node.end_lineno or node.lineno) > line - 1 + count:
            return None  # the recorded source ends early (the probe leaves out dead code)
        recorded = "\n".join(parsed.lines[line - 1:line - 1 + count])
        return node if recorded.rstrip("\n") == source.rstrip("\n") else None


def project_files(root: str | os.PathLike, first: str | os.PathLike | None = None,
                  stop: threading.Event | None = None) -> Iterator[Path]:
    """``first``, then the ``.py`` files under ``root`` (virtualenvs, caches and hidden folders
    left out), at most MAX_FILES; the walk ends early once ``stop`` is set."""
    count = 0
    first = Path(os.path.realpath(first)) if first is not None else None
    if first is not None:
        count += 1
        yield first
    for folder, dirs, files in os.walk(root):
        if stop is not None and stop.is_set():
            return
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and d not in SKIPPED_DIRS
            and not os.path.exists(os.path.join(folder, d, "pyvenv.cfg"))
        )
        for name in sorted(files):
            if name.endswith(".py") and Path(os.path.realpath(os.path.join(folder, name))) != first:
                count += 1
                if count > MAX_FILES:
                    return
                yield Path(folder, name)
