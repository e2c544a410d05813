"""Watch mode: the folders a target's lint reads, and the changes there worth another run."""

from __future__ import annotations

import gc
import os
import threading
import time
from pathlib import Path
from typing import Callable, Iterator, TextIO

from analysis.environment import project_root
from analysis.errors import AnalysisError, ConfigError

#: Folders whose files never change what a lint sees: version control, caches, environments
#: and JavaScript dependencies (any folder holding a ``pyvenv.cfg`` is skipped too).
IGNORED_DIRS = frozenset({
    ".git", ".hg", ".svn", "__pycache__", ".venv", "venv", "site-packages", "node_modules",
    ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis", ".idea",
    "build", "dist", ".eggs",
})
#: Besides Python files, what changes a lint: its settings.
WATCHED_NAMES = frozenset({"pyproject.toml"})
#: Changes are gathered until the files are quiet this long (an editor's save is several
#: events: a temporary file, a rename, a chmod) ...
QUIET_MS = 200
#: ... or at most this long, so a tool rewriting files non-stop still gets runs.
LONGEST_WAIT_MS = 1600
#: How often an idle watch wakes (to see ``stop``, and to say first that it has begun).
HEARTBEAT_MS = 250
#: Clears a terminal and its scrollback, as ``ruff check --watch`` does between runs.
CLEAR_SCREEN = "\x1b[2J\x1b[3J\x1b[H"


def watched_folders(target: str) -> tuple[Path, ...]:
    """What to watch for a target: its project root (the nearest folder up from it holding
    pyproject.toml, setup.py, setup.cfg or .git, else its own folder) and its import root
    when that lies outside. TargetError for a target that does not exist."""
    from analysis.targets import resolve_target

    resolved = resolve_target(target)
    start = resolved.file.parent if resolved.file else resolved.root
    folders = {project_root(start), resolved.root.resolve()}
    # a folder inside another is watched with it
    return tuple(sorted(f for f in folders if not any(o in f.parents for o in folders)))


class ProjectFilter:
    """watchfiles' filter: Python files and pyproject.toml, outside ignored folders and
    virtualenvs, judged by their path below the watched folder (a project may itself live
    under a folder named like an ignored one)."""

    def __init__(self, folders: tuple[Path, ...]) -> None:
        self._folders = folders

    def __call__(self, change: object, path: str) -> bool:
        file = Path(path)
        if not (file.suffix == ".py" or file.name in WATCHED_NAMES):
            return False
        folder = next((f for f in self._folders if f in file.parents), None)
        if folder is None:
            return False
        between = file.parent
        while between != folder:
            if between.name in IGNORED_DIRS or (between / "pyvenv.cfg").exists():
                return False
            between = between.parent
        return True


def changes(folders: tuple[Path, ...], stop: threading.Event | None = None
            ) -> Iterator[list[Path]]:
    """An empty batch once the watch has begun (work done from then on misses no change),
    then each batch of changed files worth another run (sorted), debounced; ends once
    ``stop`` is set. Ctrl-C raises KeyboardInterrupt."""
    from watchfiles import watch

    begun = False
    try:
        # yield_on_timeout: the first (empty) batch says the watch is on; later empty ones
        # are only its heartbeat
        for batch in watch(*folders, watch_filter=ProjectFilter(folders),
                           debounce=LONGEST_WAIT_MS, step=QUIET_MS, stop_event=stop,
                           rust_timeout=HEARTBEAT_MS, yield_on_timeout=True):
            if batch or not begun:
                begun = True
                yield sorted({Path(path) for _, path in batch})
    except OSError as exc:  # e.g. inotify's watch limit, reached in a huge tree
        raise ConfigError(
            f"cannot watch {', '.join(map(str, folders))}: {exc}; on Linux raise "
            f"fs.inotify.max_user_watches (sysctl), or lint without --watch") from None


def changed_names(changed: list[Path], folders: tuple[Path, ...], most: int = 3) -> str:
    """The changed files as a user reads them: relative to their watched folder, a few at most.

    >>> changed_names([Path("/p/a.py"), Path("/p/pkg/b.py")], (Path("/p"),))
    'a.py, pkg/b.py'
    >>> changed_names([Path(f"/p/{n}.py") for n in "abcde"], (Path("/p"),))
    'a.py, b.py, c.py and 2 more'
    """
    def shown(file: Path) -> str:
        folder = next((f for f in folders if f in file.parents), None)
        return str(file.relative_to(folder)) if folder else str(file)

    names = [shown(file) for file in changed[:most]]
    more = f" and {len(changed) - most} more" if len(changed) > most else ""
    return ", ".join(names) + more


def lint_on_change(run: Callable[[], int], folders: tuple[Path, ...], out: TextIO,
                   err: TextIO, stop: threading.Event | None = None) -> int:
    """Lint once, then again after each batch of changes, until Ctrl-C (exit code 0).

    A run that fails (a syntax error mid-edit, say) prints its one-line error, and the
    watch goes on. On a terminal each run starts on a cleared screen; elsewhere a line
    saying what changed separates the runs.
    """
    where = ", ".join(_display(folder) for folder in folders)
    try:
        for changed in changes(folders, stop):
            if changed:
                if _is_terminal(out):
                    out.write(CLEAR_SCREEN)
                _say(err, f"--- {time.strftime('%H:%M:%S')} "
                          f"{changed_names(changed, folders)} changed: linting again ---")
            _one_run(run, out, err)
            _say(err, f"Watching {where} for changes (Ctrl-C to stop)")
    except KeyboardInterrupt:
        pass
    return 0


def _one_run(run: Callable[[], int], out: TextIO, err: TextIO) -> None:
    try:
        run()
    except AnalysisError as exc:
        err.write(f"error: {exc.message}\n")
    finally:
        # a one-shot lint runs without the cyclic collector (analysis/__main__.py); a watch
        # runs many, so each run's cycles are freed before the next
        gc.collect()
    out.flush()
    err.flush()


def _say(stream: TextIO, line: str) -> None:
    stream.write(line + "\n")
    stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _display(folder: Path) -> str:
    relative = os.path.relpath(folder)
    return str(folder) if relative.startswith("..") else relative
