"""The hosted project store: configured projects whose analyses live in the shared history.

Several gunicorn workers (and machines) serve one team, so what a page shows must not depend
on which process answers: a project's current analysis is its newest stored snapshot, read
from disk, and older ones are picked as ``"<project>@<entry id>"``.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Callable

from analysis.diff.compare import compare
from analysis.diff.model import Side
from analysis.errors import AnalysisError
from analysis.snapshot import Snapshot
from explorer.jobs import JobResult
from explorer.projects import Project, ProjectState, ProjectStore
from explorer.services import SnapshotServices, analysis_key, linter_version
from explorer.hosted.changes import change_line, change_of, entry_side
from explorer.comparisons import compared, side_of
from explorer.hosted.history import HistoryEntry, SnapshotHistory
from explorer.view.compare import comparison_key, entry_pair

ENTRY_SEPARATOR = "@"
PICKER_HISTORY = 10  # stored snapshots per project offered in the picker
LOADED_ENTRIES = 32  # history entries kept analysed in memory per process
LOG = logging.getLogger(__name__)


def split_choice(value: object) -> tuple[str, str | None]:
    """A picker value as (project, entry id or None).

    >>> split_choice("shop@0001-ci-ab")
    ('shop', '0001-ci-ab')
    >>> split_choice("shop")
    ('shop', None)
    """
    name, sep, entry = str(value).partition(ENTRY_SEPARATOR)
    return name, (entry if sep else None)


class HostedProjectStore(ProjectStore):
    """A ProjectStore whose picker also offers each project's stored snapshots."""

    def __init__(self, projects: list[Project], history: SnapshotHistory,
                 results_dir: str | Path) -> None:
        super().__init__(projects, results_dir)
        self.history = history
        self._shown: dict[str, str] = {}  # project -> history entry its state holds
        self._stamps: dict[str, int | None] = {}  # project -> its history folder's mtime
        self._entries: OrderedDict[str, ProjectState] = OrderedDict()
        self._lock = threading.Lock()  # guards _entries
        self._history_lock = threading.Lock()  # guards _shown and this process's history writes
        self.linter = linter_version()
        history.on_added = self._analyse_added

    def entry_services(self, entry: HistoryEntry, snapshot: Snapshot) -> SnapshotServices:
        """A stored snapshot with its stored findings when they were made by this linter with
        the project's settings; otherwise they are computed on first use, once, and stored.
        ConfigError if the project's lint settings are bad."""
        settings = self._projects[entry.project].settings()
        key = analysis_key(self.linter, settings)
        return SnapshotServices(
            snapshot, self.history.load_result(entry, key), settings,
            keep=lambda findings: self.history.save_result(entry, key, findings),
            digest=entry.digest, stored=lambda: self.history.load_result(entry, key),
            writes=lambda: self.history.load_writes(entry, self.linter),
            keep_writes=lambda writes: self.history.save_writes(entry, self.linter, writes))

    def side(self, entry: HistoryEntry) -> Side:
        """A stored entry as a side of a diff (labelled ``project@id``, as the picker names
        it): its snapshot and stored findings, from this process's memory when it holds
        them. AnalysisError (SnapshotError included) when the entry cannot be read or the
        project's lint settings are bad."""
        services = self._stored_services(entry)
        return entry_side(f"{entry.project}{ENTRY_SEPARATOR}{entry.id}", services)

    def _stored_services(self, entry: HistoryEntry) -> SnapshotServices:
        with self._history_lock:
            shown = self._shown.get(entry.project) == entry.id
        services = self._states[entry.project].services if shown else None
        if services is not None:
            return services
        state = self._entry_state(entry.project, entry.id)
        if state.services is None:
            raise AnalysisError(state.error or f"snapshot {entry.id!r} cannot be read",
                                state.error_details or "")
        return state.services

    def _analyse_added(self, entry: HistoryEntry, snapshot: Snapshot) -> None:
        """Analyse an upload when it is stored (one lint per stored snapshot, in the request
        that stored it), so no page load or restart of any process lints it again, and show
        it in this process as it is (read back from disk, a 20 MB snapshot took a second
        more, its graph another). A snapshot this process analysed itself is kept by
        ``_record`` instead."""
        if entry.source == "analysis" or entry.project not in self._projects:
            return
        try:
            services = self.entry_services(entry, snapshot)
            _ = services.findings
        except AnalysisError:
            return  # bad lint settings: the page shows that error when the project opens
        self._keep_change(entry, services)  # while the entry before may still be shown here
        with self._history_lock:
            newest = self.history.newest(entry.project)
            if newest is None or newest.id != entry.id:
                return  # a newer one was stored meanwhile: pages follow the history to it
            self._shown[entry.project] = entry.id
            self._set(entry.project, services, error=None)

    def _keep_change(self, entry: HistoryEntry, services: SnapshotServices) -> None:
        """Compare a new entry with the entry stored before it, once, when it is stored, and
        keep the summary with it: the history then shows each entry's change without
        comparing anything. A failure (the entry before no longer reads) keeps none and is
        logged: the upload itself is stored and answered all the same."""
        before = next((e for e in self.history.entries(entry.project) if e.id < entry.id), None)
        try:
            base = None if before is None else self.side(before)
            diff = None if base is None else compare(base, entry_side(
                f"{entry.project}{ENTRY_SEPARATOR}{entry.id}", services))
        except AnalysisError as exc:
            LOG.warning("change of snapshot %s of project %s not kept: %s", entry.id,
                        entry.project, exc.message)
            return
        except Exception:  # noqa: BLE001 - a summary is never worth failing a stored upload
            LOG.exception("change of snapshot %s of project %s not kept", entry.id,
                          entry.project)
            return
        self.history.save_change(entry, change_of(diff, before and before.id))

    def note(self, name: str) -> str:
        """The change of the project's newest entry, for its label in the picker."""
        newest = self.history.newest(name)
        return change_line(self.history.meta(newest).get("change")) if newest else ""

    def choices(self) -> list[tuple[str, str]]:
        """(value, label) of each project's older stored snapshots, for the picker.

        Labelled from the history's file names and the change kept with each entry at its
        upload: listing them analyses and compares nothing.
        """
        found = []
        for name in self.names():
            for entry in self.history.entries(name)[1:PICKER_HISTORY]:  # [0] is the project
                change = change_line(self.history.meta(entry).get("change"))
                found.append((f"{name}{ENTRY_SEPARATOR}{entry.id}",
                              f"{name} · {entry.when} ({entry.source})"
                              + (f" · {change}" if change else "")))
        return found + self.comparison_choices()

    def comparison_choices(self) -> list[tuple[str, str]]:
        """The compare view's "compare with…": each project's newest snapshot against each
        older one the picker offers, as ``project@BASE..HEAD`` (explorer/comparisons.py)."""
        found = []
        for name in self.names():
            newest, *older = self.history.entries(name)[:PICKER_HISTORY] or [None]
            found += [(f"{name}{ENTRY_SEPARATOR}{comparison_key(entry.id, newest.id)}",
                       f"{name} · compare with {entry.when} ({entry.source})")
                      for entry in older]
        return found

    def known(self, name: object) -> bool:
        project, entry_id = split_choice(name)
        if not super().known(project):
            return False
        return entry_id is None or all(self.history.get(project, part) is not None
                                       for part in entry_pair(entry_id) or (entry_id,))

    def project(self, name: str) -> Project:
        return super().project(split_choice(name)[0])

    def state(self, name: str) -> ProjectState:
        project, entry_id = split_choice(name)
        pair = entry_pair(entry_id) if entry_id is not None else None
        if pair is not None:
            return self._kept(name, lambda: self._comparison(project, *pair))
        if entry_id is not None:
            return self._entry_state(project, entry_id)
        self._follow_history(project)
        state = super().state(project)
        if state.services is not None and project not in self._shown:
            self._record(project, state.services, "analysis")  # first analysis of the project
        return state

    def adopt(self, result: JobResult) -> None:
        """Adopt a background analysis and store it as the project's newest snapshot."""
        super().adopt(result)
        project = result.project
        state = super().state(project)
        if result.snapshot is not None and state.error is None and state.services is not None:
            self._record(project, state.services, "analysis")

    def _record(self, project: str, services: SnapshotServices, source: str) -> None:
        # One writer per process at a time: the history skips a snapshot equal to its newest,
        # so threads that analysed the same project at once store it once.
        with self._history_lock:
            entry, new = self.history.put(project, services.snapshot, source)
            self._shown[project] = entry.id
        key = analysis_key(self.linter, services.settings)
        services.keep = lambda findings: self.history.save_result(entry, key, findings)
        if services.has_findings:
            services.keep(services.findings)
        if new:
            self._keep_change(entry, services)

    def _follow_history(self, project: str) -> None:
        """Show the newest stored snapshot if another process (or CI) stored a newer one."""
        with self._history_lock:
            stamp = self.history.stamp(project)
            if stamp is not None and self._stamps.get(project) == stamp:
                return  # the folder has not changed since we last looked: one stat per call
            self._stamps[project] = stamp
            found = self.history.newest_valid(project, shown=self._shown.get(project))
            if found is None:
                return  # nothing newer, or nothing that loads (each bad file is logged)
            newest, snapshot = found
            self._shown[project] = newest.id
        try:
            self._set(project, self.entry_services(newest, snapshot), error=None)
        except AnalysisError as exc:  # the project's pyproject.toml is bad: shown as its error
            self.record_failure(project, exc.message, exc.details)

    def follow(self, project: str) -> None:
        """Keep up with the project's history from a background thread: load a snapshot
        another process (or CI) stored while that process analyses it, and lay it out once
        its findings are stored, so the first page here only draws. Never lints, and leaves
        alone what this process is storing itself (it shows that when done)."""
        if self.history.adding(project) or self.history.stamp(project) is None:
            return
        self._follow_history(project)
        services = self._states[project].services
        if services is not None:
            services.prepare()

    def _entry_state(self, project: str, entry_id: str) -> ProjectState:
        return self._kept(f"{project}{ENTRY_SEPARATOR}{entry_id}",
                          lambda: self._entry(project, entry_id))

    def _entry(self, project: str, entry_id: str) -> tuple[SnapshotServices, float]:
        snapshot = self.history.load(project, entry_id)
        entry = self.history.get(project, entry_id)
        if entry is None:
            raise AnalysisError(f"project {project!r} has no stored snapshot {entry_id!r}")
        return self.entry_services(entry, snapshot), entry.created

    def _comparison(self, project: str, base_id: str, head_id: str
                    ) -> tuple[SnapshotServices, float]:
        """Two stored snapshots of a project compared (each side's analysis is the one
        stored, or computed once as for any entry)."""
        sides, created = [], 0.0
        for entry_id in (base_id, head_id):
            services, entry = self._entry_state(project, entry_id).services, \
                self.history.get(project, entry_id)
            if services is None or entry is None:
                raise AnalysisError(f"project {project!r} has no stored snapshot {entry_id!r} "
                                    f"to compare")
            sides.append(side_of(f"{project} {entry.when} ({entry.source})", services))
            created = entry.created  # HEAD's, the last
        return compared(*sides, self._projects[project].settings()), created

    def _kept(self, key: str, load: Callable[[], tuple[SnapshotServices, float]]
              ) -> ProjectState:
        """The state of a stored snapshot or comparison, loaded once and kept (the newest
        ``LOADED_ENTRIES`` of them)."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        state = ProjectState()
        try:
            state.services, state.analysed_at = load()
        except AnalysisError as exc:
            state.error, state.error_details = exc.message, exc.details
        with self._lock:
            self._entries[key] = state
            while len(self._entries) > LOADED_ENTRIES:
                self._entries.popitem(last=False)
        return state
