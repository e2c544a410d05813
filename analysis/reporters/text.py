"""Text for people: ``file:line: CODE message`` per finding, then a ruff-like summary line."""

from __future__ import annotations

from analysis.reporters.model import Report


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    """``Found 3 findings (2 errors, 1 warning).`` or ``All checks passed (12 callbacks).``

    >>> from analysis.snapshot import Snapshot
    >>> summary_line(Report(Snapshot(target="app.py", root="."), ()))
    'All checks passed (0 callbacks).'
    >>> summary_line(Report(Snapshot(target="app.py", root="."), (), baselined=2))
    'All checks passed (0 callbacks); 2 findings in the baseline.'
    """
    baselined = (f"; {_plural(report.baselined, 'finding')} in the baseline"
                 if report.baselined else "")
    if not report.findings:
        return f"All checks passed ({_plural(report.callback_count, 'callback')}){baselined}."
    parts = [_plural(report.count("error"), "error"), _plural(report.count("warning"), "warning")]
    if report.count("info"):
        parts.append(f"{report.count('info')} info")
    return (f"Found {_plural(len(report.findings), 'finding')} ({', '.join(parts)})"
            f"{baselined}.")


def render(report: Report) -> str:
    lines = [static_line(report)] if report.snapshot.static else []
    for finding in report.findings:
        place = report.location(finding) or report.snapshot.target
        if finding.line:
            place += f":{finding.line}"
        lines.append(f"{place}: {finding.code} {finding.message}")
        lines.extend(f"    evidence: {line}" for line in finding.evidence)
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def static_line(report: Report) -> str:
    """The first line of a static run: how it ran and how much the source did not tell."""
    snapshot = report.snapshot
    parts = len(snapshot.unresolved) + sum(len(layout.unresolved) for layout in snapshot.layouts)
    return (f"Static mode: read from source, no code run ({_plural(parts, 'part')} unresolved; "
            f"rules stay silent there).")
