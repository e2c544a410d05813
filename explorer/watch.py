"""Watch mode of the explorer: a project is analysed again, in the server, when its files change."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import Callable

from analysis.errors import AnalysisError
from analysis.watch import changed_names, changes, watched_folders
from explorer.projects import ProjectStore

log = logging.getLogger(__name__)


class ProjectWatcher:
    """Watches the folders of a store's live projects (not snapshot files) and re-analyses
    each project whose files changed; the store's revision then moves, which open pages
    follow (``explorer.callbacks.projects``). One thread, started and stopped by its owner."""

    def __init__(self, store: ProjectStore, say: Callable[[str], None] | None = None) -> None:
        self._store = store
        self._say = say or (lambda line: print(line, file=sys.stderr, flush=True))
        self._folders: dict[str, tuple[Path, ...]] = {}
        for name in store.names():
            target = store.project(name).target
            if target is not None:
                try:
                    self._folders[name] = watched_folders(target)
                except AnalysisError:  # no such target: its analysis already says so
                    continue
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def folders(self) -> tuple[Path, ...]:
        """Every folder watched, each once."""
        return tuple(sorted({f for folders in self._folders.values() for f in folders}))

    def affected(self, changed: list[Path]) -> list[str]:
        """The projects with a changed file under one of their folders."""
        return [name for name, folders in self._folders.items()
                if any(folder in file.parents for file in changed for folder in folders)]

    def start(self) -> None:
        if self._thread is None and self._folders:
            self._thread = threading.Thread(target=self._run, name="project-watcher",
                                            daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        folders = self.folders()
        try:
            for changed in changes(folders, self._stop):
                for name in self.affected(changed):
                    self._say(f"{name}: {changed_names(changed, folders)} changed, "
                              f"analysing again")
                    self._refresh(name)
        except AnalysisError as exc:  # the folders cannot be watched: say so, serve on
            self._say(f"warning: {exc.message}")

    def _refresh(self, name: str) -> None:
        try:
            error = self._store.refresh(name)
        except Exception:  # noqa: BLE001 - one bad analysis must not end the watch
            log.exception("analysing %s again failed", name)
            return
        if error is not None:
            self._say(f"{name}: analysis failed: {error} (the page keeps the last good graph)")
