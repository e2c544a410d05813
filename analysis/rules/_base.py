"""The rule type: a stable code, a kebab-case name, a severity, a one-line summary and a check."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from analysis.findings import SEVERITIES, Finding
from analysis.snapshot import Callback, Dependency

if TYPE_CHECKING:
    from analysis.context import LintContext

CheckFunction = Callable[["LintContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule. Its rationale is the check function's docstring, written ruff-style:
    ``## What it does`` / ``## Why is this bad?`` / ``## Example`` / ``## Use instead``.
    """

    code: str
    name: str
    severity: str
    summary: str
    check: CheckFunction
    #: Whether the rule runs when no ``select`` is given (ruff's default rule set); a
    #: selector that matches it (its code, a prefix, ``ALL``) turns an opt-in rule on.
    default: bool = True
    #: Static mode (``--static``): None when the rule runs on a static snapshot (silent where
    #: the source does not tell); else why it cannot, and the rule does not run there.
    static_gap: str | None = None
    #: Static mode: what the rule misses there, where it runs (docs/static.md shows it).
    static_note: str = ""
    #: A runtime rule (``RUNTIME0xx``): its check reads one callback of a recorded run (a
    #: ``RuntimeRun``, analysis/runtime/checks.py), not a snapshot, so a lint never reports
    #: it; the live overlay and the live plugin's page do (docs/live.md).
    needs_run: bool = False

    @property
    def rationale(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    def finding(
        self,
        message: str,
        callbacks: Iterable[Callback] = (),
        dependencies: Iterable[Dependency] = (),
        *,
        ids_at_fault: bool = False,
        components: Iterable[str] = (),
        file: str | None = None,
        line: int | None = None,
    ) -> Finding:
        """A finding of this rule, its fields derived here for every rule: file/line from the
        first callback's decorator (unless given), functions and callback indexes from the
        callbacks, ``properties`` from the dependencies involved (their keys, in the order
        given) and, when their ids themselves are at fault (in no layout, lacking the
        property), ``components``: those ids, sorted. ``components`` names ids at fault that
        no dependency names (a layout's duplicate id)."""
        cbs = list(callbacks)
        deps = list(dependencies)
        if cbs and file is None:
            file, line = cbs[0].file, cbs[0].line
        if ids_at_fault:
            components = sorted({*components, *(d.id_str for d in deps)})
        return Finding(
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            file=file,
            line=line,
            functions=tuple(cb.function for cb in cbs),
            callbacks=tuple(cb.index for cb in cbs),
            properties=tuple(d.key for d in deps),
            components=tuple(components),
        )

    def run(self, context: "LintContext") -> Iterator[Finding]:
        """The rule's findings on a snapshot: none for a runtime rule (it needs a run)."""
        if not self.needs_run:
            yield from self.check(context)


def each_property_once(dependencies: Iterable[Dependency]) -> list[Dependency]:
    """One dependency per property key, sorted by key: how a finding lists the properties that
    several Outputs or callbacks share.

    >>> [d.key for d in each_property_once([Dependency("b", "x"), Dependency("a", "x"),
    ...                                     Dependency("b", "x", allow_duplicate=True)])]
    ['a.x', 'b.x']
    """
    return sorted({d.key: d for d in dependencies}.values(), key=lambda d: d.key)


#: Why a runtime rule does not run in static mode (nor in any lint: docs/static.md says so).
NEEDS_RUN = "needs a recorded run of the app (the live plugin, docs/live.md): no lint reports it"


def rule(code: str, name: str, severity: str, summary: str,
         default: bool = True, static_gap: str | None = None,
         static_note: str = "", needs_run: bool = False) -> Callable[[Callable], Rule]:
    """Declare a rule from its check function (the docstring is the rationale); ``default=False``
    makes it opt-in; ``static_gap`` says why it cannot run in static mode, ``static_note`` what
    it misses there; ``needs_run``: a runtime rule, whose check takes a ``RuntimeRun``."""
    if severity not in SEVERITIES:
        raise ValueError(f"{code}: severity must be one of {SEVERITIES}")

    def make(check: Callable) -> Rule:
        return Rule(code=code, name=name, severity=severity, summary=summary, check=check,
                    default=default, static_gap=NEEDS_RUN if needs_run else static_gap,
                    static_note=static_note, needs_run=needs_run)

    return make
