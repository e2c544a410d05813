"""The rule type: a stable code, a kebab-case name, a severity, a one-line summary and a check."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from analysis.findings import SEVERITIES, Finding
from analysis.snapshot import Callback

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

    @property
    def rationale(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    def finding(
        self,
        message: str,
        callbacks: Iterable[Callback] = (),
        properties: Iterable[str] = (),
        components: Iterable[str] = (),
        file: str | None = None,
        line: int | None = None,
    ) -> Finding:
        """A finding of this rule; file/line default to the first callback's decorator."""
        cbs = list(callbacks)
        if cbs and file is None:
            file, line = cbs[0].file, cbs[0].line
        return Finding(
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            file=file,
            line=line,
            functions=tuple(cb.function for cb in cbs),
            callbacks=tuple(cb.index for cb in cbs),
            properties=tuple(properties),
            components=tuple(components),
        )

    def run(self, context: "LintContext") -> Iterator[Finding]:
        yield from self.check(context)


def rule(code: str, name: str, severity: str, summary: str) -> Callable[[CheckFunction], Rule]:
    """Declare a rule from its check function (the docstring is the rationale)."""
    if severity not in SEVERITIES:
        raise ValueError(f"{code}: severity must be one of {SEVERITIES}")

    def make(check: CheckFunction) -> Rule:
        return Rule(code=code, name=name, severity=severity, summary=summary, check=check)

    return make
