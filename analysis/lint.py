"""Run the rule catalog over a snapshot: selection, ``# noqa`` suppression, stable order."""

from __future__ import annotations

import re
from pathlib import Path

from analysis.settings import LintSettings, check_codes, is_enabled
from analysis.context import LintContext
from analysis.findings import Finding
from analysis.source.prefetch import ParsedSources
from analysis.rules import all_rules
from analysis.snapshot import Callback, Snapshot

__all__ = ["LintSettings", "lint", "noqa_codes"]

#: ``# noqa`` alone, or ``# noqa: DASH001, DASH040`` (ruff's syntax; case-insensitive keyword).
_NOQA = re.compile(
    r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?", re.IGNORECASE
)
ALL_CODES = frozenset({"*"})


def noqa_codes(line: str) -> frozenset[str] | None:
    """The codes a source line suppresses: None (no noqa), ``{"*"}`` (all) or a set of codes.

    >>> sorted(noqa_codes("@app.callback(  # noqa: DASH001,dash040"))
    ['DASH001', 'DASH040']
    >>> noqa_codes("def f(a):  # noqa") == ALL_CODES, noqa_codes("def f(a):") is None
    (True, True)
    """
    match = _NOQA.search(line)
    if not match:
        return None
    if not match.group("codes"):
        return ALL_CODES
    return frozenset(code.upper() for code in re.split(r"[\s,]+", match.group("codes")) if code)


def lint(snapshot: Snapshot, settings: LintSettings = LintSettings(),
         sources: ParsedSources | None = None) -> list[Finding]:
    """Every finding of the enabled rules, minus suppressed ones, sorted by place and code.

    ``sources``: the project's files parsed ahead (see ``analysis.source.prefetch``), used where they
    still match the snapshot. ConfigError if ``settings`` name a code or prefix that no rule has.
    """
    rules = all_rules()
    known = [r.code for r in rules]
    check_codes(settings.select, known, "--select")
    check_codes(settings.ignore, known, "--ignore")
    context = LintContext(snapshot, sources)
    suppressed = _Suppressions(snapshot)
    libraries = {cb.index for cb in snapshot.callbacks if cb.library}
    findings = [
        finding
        for rule in rules
        if is_enabled(rule.code, settings)
        for finding in rule.run(context)
        if not suppressed.covers(finding) and not _only_libraries(finding, libraries)
    ]
    return sorted(set(findings), key=lambda f: (*f.sort_key(), f.functions, f.callbacks))


def _only_libraries(finding: Finding, libraries: set[int]) -> bool:
    """A finding about installed packages' callbacks alone: nothing the project can change.
    One that also involves a project callback (a library and the app writing one Output)
    is the project's to fix, and stays."""
    return bool(finding.callbacks) and libraries.issuperset(finding.callbacks)


class _Suppressions:
    """The ``# noqa`` comments of each callback: on the decorator's first line or ``def`` line."""

    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._by_index = {cb.index: cb for cb in snapshot.callbacks}
        self._cache: dict[int, frozenset[str]] = {}
        self._files: dict[str, list[str]] = {}

    def covers(self, finding: Finding) -> bool:
        """A finding is suppressed when any callback it involves carries a matching noqa."""
        for index in finding.callbacks:
            codes = self._codes(index)
            if codes and (codes == ALL_CODES or finding.code in codes):
                return True
        return False

    def _codes(self, index: int) -> frozenset[str]:
        if index not in self._cache:
            callback = self._by_index.get(index)
            codes: set[str] = set()
            for line in self._marked_lines(callback) if callback else ():
                found = noqa_codes(line)
                if found == ALL_CODES:
                    codes = set(ALL_CODES)
                    break
                codes |= found or set()
            self._cache[index] = frozenset(codes)
        return self._cache[index]

    def _marked_lines(self, callback: Callback) -> list[str]:
        """The decorator's first line and the ``def`` line, from the recorded source when there
        is one, else from the file (clientside callbacks: the ``clientside_callback(`` line)."""
        if callback.source:
            lines = callback.source.splitlines()
            picked = lines[:1]
            offset = (callback.def_line or 0) - (callback.line or 0)
            if callback.def_line and callback.line and 0 < offset < len(lines):
                picked.append(lines[offset])
            else:
                picked += [ln for ln in lines if ln.lstrip().startswith(("def ", "async def "))][:1]
            return picked
        if not (callback.file and callback.line):
            return []
        path = str(Path(self._snapshot.root) / callback.file)
        if path not in self._files:
            try:
                self._files[path] = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                self._files[path] = []
        lines = self._files[path]
        wanted = {callback.line, callback.def_line or callback.line}
        return [lines[n - 1] for n in sorted(wanted) if 0 < n <= len(lines)]
