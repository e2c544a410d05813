"""Downloadable exports of an analysis: snapshot JSON, a Markdown report, SARIF."""

from __future__ import annotations

from analysis.findings import Finding
from analysis.reporters import Report, render
from explorer.services import SnapshotServices


def snapshot_json(services: SnapshotServices) -> str:
    return services.snapshot.to_json()


def sarif_report(services: SnapshotServices) -> str:
    return render(Report(services.snapshot, services.findings), "sarif")


def markdown_report(services: SnapshotServices, project: str) -> str:
    """A review-friendly report: counts, then one table row per finding (cells escaped)."""
    snapshot = services.snapshot
    callbacks = len(services.catalog.callbacks)
    lines = [
        f"# Dash callback report: {_md(project)}",
        "",
        f"Target `{_code(snapshot.target)}`, Dash {snapshot.dash_version or '?'}, "
        f"snapshot {services.id} ({snapshot.created_at or 'time unknown'}).",
        "",
        f"- Callbacks: {callbacks}",
        f"- Components: {len({c.id_str for c in snapshot.components})}",
        f"- Findings: {len(services.findings)}",
        "",
    ]
    if services.findings:
        lines += ["| Severity | Rule | Function | Location | Message |",
                  "|---|---|---|---|---|"]
        lines += [_row(f) for f in services.findings]
    else:
        lines.append("No findings.")
    return "\n".join(lines) + "\n"


def _row(finding: Finding) -> str:
    location = f"{finding.file}:{finding.line}" if finding.file else ""
    functions = ", ".join(f"`{_code(name)}`" for name in finding.functions)
    return (f"| {finding.severity} | {finding.code} {finding.name} | {functions} | "
            f"`{_code(location)}` | {_md(finding.message)} |")


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    for char in "\\|*_[]<>`#":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


def _code(text: str) -> str:
    return text.replace("`", "'").replace("|", "\\|").replace("\n", " ")
