"""Comparisons the explorer shows: two versions of a project as one project of the store."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from analysis.diff.compare import compare
from analysis.diff.model import Side
from analysis.diff.sides import GIT, Probe, is_snapshot_file, load_side
from analysis.errors import ConfigError
from analysis.findings import fingerprints
from analysis.settings import LintSettings, project_settings
from analysis.snapshot import Snapshot
from explorer.projects import Project
from explorer.services import SnapshotServices
from explorer.view.catalog import Catalog, build_catalog
from explorer.view.compare import (
    Comparison, changed_neighbourhood, comparison_key, current_findings, mark_changes, merge,
)
from explorer.view.filters import ViewSpec


class ComparedServices(SnapshotServices):
    """The services of a comparison's merged graph: its findings are the diff's (HEAD's and
    BASE's fixed ones, never linted again), its elements are marked with their change, and
    a view with ``changes`` on shows only the changes and their neighbourhood."""

    def __init__(self, comparison: Comparison, settings: LintSettings = LintSettings()) -> None:
        super().__init__(comparison.snapshot, findings=comparison.findings, settings=settings)
        self.comparison = comparison

    @cached_property
    def catalog(self) -> Catalog:
        """The catalog of every finding (the list's indices), its nodes and edges coloured
        by HEAD's findings only: a fixed finding is no problem of the graph drawn."""
        every = build_catalog(self.snapshot, self.graph, self.findings)
        current = build_catalog(self.snapshot, self.graph, current_findings(self.comparison))
        return replace(every, node_severity=current.node_severity,
                       edge_severity=current.edge_severity)

    def _visible(self, spec: ViewSpec) -> frozenset[str]:
        shown = super()._visible(spec)
        if not spec.changes:
            return shown
        return shown & frozenset(changed_neighbourhood(self.graph, self.catalog, self.comparison))

    def _elements(self, spec: ViewSpec) -> tuple[dict, ...]:
        return tuple(mark_changes(super()._elements(spec), self.comparison))


def side_of(label: str, services: SnapshotServices) -> Side:
    """One side of a comparison from an analysed snapshot (a hosted history entry)."""
    findings = services.findings
    snapshot = services.snapshot
    return Side(label, snapshot, findings, tuple(fingerprints(findings, snapshot)))


def compared(base: Side, head: Side, settings: LintSettings) -> ComparedServices:
    """Two sides compared, as the merged graph's services."""
    return ComparedServices(merge(compare(base, head)), settings)


def comparison_of(services: SnapshotServices | None) -> Comparison | None:
    """The comparison a project's services show, or None for a single version."""
    return services.comparison if isinstance(services, ComparedServices) else None


@dataclass(frozen=True)
class ComparisonProject(Project):
    """A project of the store that is ``--compare BASE HEAD``: compared once, when the
    explorer starts (``target``: the working-tree target a git:REF side means)."""

    base: str = ""
    head: str = ""

    def analyse(self) -> Snapshot:
        """A comparison is no target to probe again ("Analyse again", watch mode)."""
        raise ConfigError(f"{self.name} is compared once, when the explorer starts: run "
                          f"python app.py --compare {self.base} {self.head} again to compare anew")

    def settings(self) -> LintSettings:
        """The working-tree target's settings, for both sides (as ``diff`` lints them)."""
        return project_settings(self.target) if self.target else LintSettings()

    def load(self) -> tuple[ComparedServices, Side]:
        """Both sides loaded (a git:REF side in a temporary worktree, removed afterwards)
        and compared: the merged graph's services, and HEAD's side."""
        settings, probe = self.settings(), Probe(self.python, self.timeout)
        base = load_side(self.base, self.target, settings, probe)
        head = load_side(self.head, self.target, settings, probe)
        return compared(base, head, settings), head


def comparison_project(base: str, head: str | None, targets: list[str], python: str | None,
                       timeout: float) -> ComparisonProject:
    """The comparison ``--compare BASE [HEAD]`` asks for, named ``BASE..HEAD``: HEAD
    defaults to the first TARGET (the working tree), and a git:REF side means the target
    among the sides and TARGETs."""
    head = head or (targets[0] if targets else None)
    if head is None:
        raise ConfigError("--compare BASE alone compares with a TARGET: name it "
                          "(python app.py app.py --compare git:main), or give HEAD too")
    target = next((spec for spec in (head, base, *targets)
                   if not spec.startswith(GIT) and not is_snapshot_file(spec)), None)
    return ComparisonProject(comparison_key(base, head), target=target, python=python,
                             timeout=timeout, base=base, head=head)
