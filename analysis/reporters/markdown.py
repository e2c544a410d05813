"""Markdown for reviews: the run's counts, then one table row per finding (cells escaped)."""

from __future__ import annotations

from analysis.findings import Finding
from analysis.reporters.model import Report
from analysis.snapshot import snapshot_id


def render(report: Report) -> str:
    """A heading with the project, the target and snapshot, counts, then the findings table.

    >>> from analysis.snapshot import Snapshot
    >>> print(render(Report(Snapshot(target="app.py", root="."), (), title="shop")))
    ... # doctest: +ELLIPSIS
    # Dash callback report: shop
    <BLANKLINE>
    Target `app.py`, Dash ?, snapshot ... (time unknown).
    <BLANKLINE>
    - Callbacks: 0
    - Components: 0
    - Findings: 0
    <BLANKLINE>
    No findings.
    <BLANKLINE>
    """
    snapshot = report.snapshot
    lines = [
        f"# Dash callback report: {md_cell(report.title or snapshot.target)}",
        "",
        f"Target `{md_code(snapshot.target)}`, Dash {snapshot.dash_version or '?'}, "
        f"snapshot {snapshot_id(snapshot)} ({snapshot.created_at or 'time unknown'}).",
        "",
        f"- Callbacks: {report.callback_count}",
        f"- Components: {report.component_count}",
        f"- Findings: {len(report.findings)}",
        "",
    ]
    if report.findings:
        lines += ["| Severity | Rule | Function | Location | Message |",
                  "|---|---|---|---|---|"]
        lines += [_row(f, report.location(f)) for f in report.findings]
    else:
        lines.append("No findings.")
    return "\n".join(lines) + "\n"


def _row(finding: Finding, path: str | None) -> str:
    location = f"{path}:{finding.line}" if path and finding.line else path or ""
    functions = ", ".join(f"`{md_code(name)}`" for name in finding.functions)
    return (f"| {finding.severity} | {finding.code} {finding.name} | {functions} | "
            f"`{md_code(location)}` | {md_cell(finding.message)} |")


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell.

    >>> md_cell("a|b *c*")
    'a\\\\|b \\\\*c\\\\*'
    """
    for char in "\\|*_[]<>`#":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


def md_code(text: str) -> str:
    """Text safe inside a code span of a table cell."""
    return text.replace("`", "'").replace("|", "\\|").replace("\n", " ")
