"""Run the rule catalog over a snapshot: selection, ``# noqa`` suppression, stable order."""

from __future__ import annotations

import re
from typing import Callable

from analysis.settings import LintSettings, check_codes, is_enabled
from analysis.context import LintContext
from analysis.findings import Finding
from analysis.source.prefetch import ParsedSources
from analysis.rules import rule_codes, rules_to_run
from analysis.snapshot import Callback, Snapshot

__all__ = ["LintSettings", "lint", "noqa_codes", "noqa_filter"]

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
         sources: ParsedSources | None = None, context: LintContext | None = None
         ) -> list[Finding]:
    """Every finding of the enabled rules, minus suppressed ones, sorted by place and code.

    ``sources``: the project's files parsed ahead (see ``analysis.source.prefetch``), used where they
    still match the snapshot. ``context``: the caller's ``LintContext(snapshot)``, to share what it
    builds (its graph) or was given. ConfigError if ``settings`` name a code or prefix that no
    rule has.
    """
    known = rule_codes()
    check_codes(settings.select, known, "--select")
    check_codes(settings.ignore, known, "--ignore")
    rules = rules_to_run(lambda code, default: is_enabled(code, settings, default),
                         snapshot.static)
    context = context or LintContext(snapshot, sources)
    suppressed = _Suppressions(snapshot)
    # A clientside callback without a place (a live snapshot's: Dash keeps no call site) may
    # be an installed package's: counted with them, never guessed to be the project's
    libraries = {cb.index for cb in snapshot.callbacks
                 if cb.library or (cb.kind == "clientside" and cb.file is None)}
    findings = [
        finding
        for rule in rules
        if is_enabled(rule.code, settings, rule.default)
        and not (snapshot.static and rule.static_gap)
        for finding in rule.run(context)
        if not suppressed.covers(finding) and not _only_libraries(finding, libraries)
    ]
    return sorted(set(findings), key=lambda f: (*f.sort_key(), f.functions, f.callbacks))


def noqa_filter(snapshot: Snapshot) -> Callable[[Finding], bool]:
    """Whether a ``# noqa`` of the snapshot silences a finding: for findings made outside
    ``lint`` (the runtime rules'), by the same rule as lint's."""
    return _Suppressions(snapshot).covers


def _only_libraries(finding: Finding, libraries: set[int]) -> bool:
    """A finding about installed packages' callbacks alone (or clientside ones of unknown
    origin): nothing the project can change, or nothing known to be its.
    One that also involves a project callback (a library and the app writing one Output)
    is the project's to fix, and stays."""
    return bool(finding.callbacks) and libraries.issuperset(finding.callbacks)


class _Suppressions:
    """The ``# noqa`` comments that silence a finding: on the line it is reported at, or on a
    decorator's first line or ``def`` line of a callback it involves (ruff's rule, extended
    to the callbacks because a finding names one place for several).

    Comments come from the snapshot (the probe records them); a snapshot without them
    (older, or made by hand) still has each callback's recorded source. No file is read:
    a snapshot is data, whatever paths it names.
    """

    def __init__(self, snapshot: Snapshot) -> None:
        self._by_index = {cb.index: cb for cb in snapshot.callbacks}
        self._by_line: dict[tuple[str, int], frozenset[str]] = {}
        for comment in snapshot.noqa:
            codes = noqa_codes(comment.comment)
            if codes:
                self._by_line[(comment.file, comment.line)] = codes
        self._cache: dict[int, frozenset[str]] = {}

    def covers(self, finding: Finding) -> bool:
        """A finding is suppressed when its line or any callback it involves carries a
        matching noqa."""
        if finding.file and finding.line and _silences(
                self._by_line.get((finding.file, finding.line)), finding.code):
            return True
        return any(_silences(self._codes(index), finding.code) for index in finding.callbacks)

    def _codes(self, index: int) -> frozenset[str]:
        if index not in self._cache:
            callback = self._by_index.get(index)
            found = [self._by_line.get((callback.file, n)) for n in
                     {callback.line, callback.def_line} if callback.file and n] if callback else []
            found += [noqa_codes(line) for line in _marked_lines(callback)] if callback else []
            codes = frozenset().union(*(c for c in found if c))
            self._cache[index] = ALL_CODES if ALL_CODES <= codes else codes
        return self._cache[index]


def _silences(codes: frozenset[str] | None, code: str) -> bool:
    return bool(codes) and (codes == ALL_CODES or code in codes)


def _marked_lines(callback: Callback) -> list[str]:
    """The decorator's first line and the ``def`` line of the recorded source (clientside
    callbacks: the ``clientside_callback(`` line); none without recorded source."""
    if not callback.source:
        return []
    lines = callback.source.splitlines()
    picked = lines[:1]
    offset = (callback.def_line or 0) - (callback.line or 0)
    if callback.def_line and callback.line and 0 < offset < len(lines):
        picked.append(lines[offset])
    else:
        picked += [ln for ln in lines if ln.lstrip().startswith(("def ", "async def "))][:1]
    return picked
