"""The projects an explorer shows: live targets re-analysed by the probe, or snapshot files."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

from analysis.errors import AnalysisError
from analysis.settings import LintSettings, project_settings
from analysis.snapshot import Snapshot, load_snapshot
from explorer.jobs import JobResult, JobResults
from explorer.services import SnapshotServices

T = TypeVar("T")


@dataclass(frozen=True)
class Project:
    """Where a project's snapshot comes from: a target to probe, or a snapshot file."""

    name: str
    target: str | None = None
    snapshot_file: str | None = None
    python: str | None = None
    timeout: float = 60.0
    #: Environment variables the probe may see besides the basic allowlist (hosted: a
    #: server's secrets must not reach probed code); None: the whole environment, as the
    #: CLI runs a developer's own project.
    env: tuple[str, ...] | None = None

    def analyse(self) -> Snapshot:
        """A fresh snapshot: the probe run on the target, or the file read again."""
        if self.snapshot_file is not None:
            return load_snapshot(self.snapshot_file)
        import os

        from analysis.probe.runner import probe_environment, snapshot_target

        return snapshot_target(self.target or ".", python=self.python, timeout=self.timeout,
                               env=probe_environment(os.environ, self.env))

    def settings(self) -> LintSettings:
        """The lint settings the CLI would use for the target (its nearest pyproject.toml);
        defaults for a snapshot file, which is data with no project folder around it."""
        if self.snapshot_file is not None:
            return LintSettings()
        return project_settings(self.target or ".")


@dataclass
class ProjectState:
    """The last good analysis of a project and, if the latest attempt failed, why."""

    services: SnapshotServices | None = None
    error: str | None = None
    error_details: str = ""
    analysed_at: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


def project_name(target: str, taken: set[str]) -> str:
    """A short unique name for a target: its file stem, or its folder for app.py/a folder.

    >>> project_name("examples/demo/app.py", set())
    'demo'
    >>> project_name("shop.py", {"shop"})
    'shop-2'
    """
    spec = target.split(":", 1)[0]
    path = Path(spec)
    if not spec.endswith(".py") and "/" not in spec and not path.is_dir():
        base = spec  # a module name: pkg.module
    else:
        generic = path.stem in ("app", "__init__", "main", "") and path.parent.name
        base = (path.parent.name if generic else path.stem) or target
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


class ProjectStore:
    """The explorer's projects and their current analyses, shared by the app's callbacks.

    Analyses run lazily on first use (so building the app never runs a probe) and each
    project is analysed by one thread at a time.
    """

    def __init__(self, projects: list[Project], results_dir: str | Path) -> None:
        if not projects:
            raise ValueError("a ProjectStore needs at least one project")
        self._projects = {p.name: p for p in projects}
        self._states = {p.name: ProjectState() for p in projects}
        self.results_dir = Path(results_dir)
        self.jobs = JobResults(self.results_dir)
        self._revision_lock = threading.Lock()
        self.revision = 0

    def names(self) -> list[str]:
        return list(self._projects)

    def choices(self) -> list[tuple[str, str]]:
        """(value, label) of extra picker entries beyond the projects (stored snapshots in
        the hosted store); none here."""
        return []

    def note(self, name: str) -> str:
        """A few words the picker adds to a project's label (the hosted store: its newest
        entry's change); none here."""
        return ""

    def project(self, name: str) -> Project:
        return self._projects[name]

    def default(self) -> str:
        return next(iter(self._projects))

    def known(self, name: object) -> bool:
        return isinstance(name, str) and name in self._projects

    def state(self, name: str) -> ProjectState:
        """The project's state, analysing it first if it never was."""
        state = self._states[name]
        with state.lock:
            if state.services is None and state.error is None:
                self._analyse_locked(name, state)
        return state

    def services(self, name: object) -> SnapshotServices | None:
        """The last good analysis of a project (None if it never succeeded)."""
        return self.state(name).services if self.known(name) else None

    def answer(self, name: object, show: Callable[[SnapshotServices], T], nothing: T) -> T:
        """``show`` applied to the project's analysis, or ``nothing`` when it has none (an
        unknown project, or one whose analysis never succeeded)."""
        services = self.services(name)
        return nothing if services is None else show(services)

    def analysed(self, name: object) -> SnapshotServices | None:
        """Like ``services``, but never starts an analysis: None until one is done (for the
        page's layout, which must not run a probe)."""
        state = self._states.get(name) if self.known(name) else None
        return state.services if state is not None else None

    def preload(self, name: str, snapshot: Snapshot) -> None:
        """Show a snapshot already in hand (tests, uploads) as the project's analysis;
        ConfigError if the project's lint settings are bad."""
        self._set(name, self._services(name, snapshot), error=None)

    def show(self, name: str, services: SnapshotServices) -> None:
        """Show services built elsewhere as the project's analysis (a comparison's)."""
        self._set(name, services, error=None)

    def record_failure(self, name: str, message: str, details: str = "") -> None:
        """Note that analysing a project failed (its last good snapshot, if any, stays)."""
        self._set(name, None, error=message, details=details)

    def adopt(self, result: JobResult) -> None:
        """Take in a background analysis's result (taken from ``self.jobs`` by its id)."""
        name = result.project
        if not self.known(name):
            raise ValueError(f"unknown project {name!r}")
        if result.error is not None or result.snapshot is None:
            self.record_failure(name, result.error or "the analysis produced no snapshot",
                                result.details)
            return
        try:
            services = self._services(name, result.snapshot)
        except AnalysisError as exc:
            self._set(name, None, error=exc.message, details=exc.details)
            return
        self._set(name, services, error=None)

    def refresh(self, name: str) -> str | None:
        """Analyse a project again now, in this thread (watch mode): its error, or None.
        A failure keeps the last good analysis, as a failed "Analyse again" does."""
        state = self._states[name]
        with state.lock:
            self._analyse_locked(name, state)
            error = state.error
        self._next_revision()
        return error

    def _services(self, name: str, snapshot: Snapshot) -> SnapshotServices:
        """A snapshot of a project, linted with the project's settings (never with settings
        found through the snapshot: it is data)."""
        return SnapshotServices(snapshot, settings=self._projects[name].settings())

    def _analyse_locked(self, name: str, state: ProjectState) -> None:
        try:
            services = self._services(name, self._projects[name].analyse())
        except AnalysisError as exc:
            state.error, state.error_details = exc.message, exc.details
        else:
            state.services, state.error, state.error_details = services, None, ""
        state.analysed_at = time.time()

    def _set(self, name: str, services: SnapshotServices | None, error: str | None,
             details: str = "") -> None:
        state = self._states[name]
        with state.lock:
            if services is not None:
                state.services = services  # a failure keeps the last good snapshot
            state.error, state.error_details = error, details
            state.analysed_at = time.time()
        self._next_revision()

    def _next_revision(self) -> None:
        with self._revision_lock:
            self.revision += 1


def run_analysis(project: Project, results_dir: str | Path) -> tuple[str, bool]:
    """Analyse a project and keep the result under ``results_dir``: (its job id, whether
    the analysis failed).

    Runs inside a background job (another process): only the id goes back to the page, and
    the app's process takes the result in by it (``ProjectStore.jobs``, ``adopt``).
    """
    jobs = JobResults(results_dir)
    try:
        snapshot = project.analyse()
    except AnalysisError as exc:
        return jobs.put(project.name, error=exc.message, details=exc.details), True
    return jobs.put(project.name, snapshot=snapshot), False
