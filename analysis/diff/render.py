"""The diff as text (people), JSON (machines) and Markdown (a pull request comment)."""

from __future__ import annotations

import json

from analysis.diff.model import (
    ADDED, CHANGED, FIXED, NEW, REMOVED, UNCHANGED, CallbackChange, Diff, FindingChange,
)
from analysis.findings import Finding
from analysis.reporters.markdown import md_cell, md_code

DIFF_SCHEMA_VERSION = 1
_MARK = {ADDED: "+", REMOVED: "-", CHANGED: "~"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _place(finding: Finding) -> str:
    """Where a finding is, as the snapshot records it (relative to the project root, the
    same on both sides whichever folder each was probed in)."""
    place = finding.file or "<layout>"
    return f"{place}:{finding.line}" if finding.line else place


def _wiring(change: CallbackChange) -> str:
    outputs = ", ".join(dep.key for dep in change.callback.outputs) or "no outputs"
    return f"-> {outputs}"


def verdict(diff: Diff) -> str:
    """The last line: whether HEAD brings new findings (the exit code's reason)."""
    new = len(diff.new_findings)
    return (f"HEAD brings {_plural(new, 'new finding')}." if new
            else "HEAD brings no new findings.")


def text(diff: Diff) -> str:
    lines = [f"Comparing {diff.base.label} -> {diff.head.label}"]
    counts = {status: len(diff.of(status)) for status in (ADDED, REMOVED, CHANGED)}
    lines.append(f"Callbacks: {counts[ADDED]} added, {counts[REMOVED]} removed, "
                 f"{counts[CHANGED]} changed")
    for change in diff.callbacks:
        detail = f" ({', '.join(change.aspects)})" if change.aspects else f" {_wiring(change)}"
        lines.append(f"  {_MARK[change.status]} {change.callback.function}{detail}")
    added = sum(1 for d in diff.dependencies if d.status == ADDED)
    lines.append(f"Dependencies: {added} added, {len(diff.dependencies) - added} removed")
    lines += [f"  {_MARK[d.status]} {d.callback} {d.kind} {d.key}" for d in diff.dependencies]
    lines.append(f"Cycles: {len(diff.cycles_introduced)} introduced, "
                 f"{len(diff.cycles_removed)} removed")
    lines += [f"  + {' <-> '.join(loop)}" for loop in diff.cycles_introduced]
    lines += [f"  - {' <-> '.join(loop)}" for loop in diff.cycles_removed]
    lines.append(f"Findings: {len(diff.of(NEW))} new, {len(diff.of(FIXED))} fixed, "
                 f"{len(diff.of(UNCHANGED))} unchanged")
    lines += [f"  {c.status:<5} {_place(c.finding)}: {c.finding.code} {c.finding.message}"
              for c in diff.findings if c.status != UNCHANGED]
    lines.append(verdict(diff))
    return "\n".join(lines) + "\n"


def to_dict(diff: Diff) -> dict:
    """The whole diff as JSON data; keys are only ever added (``schema_version``)."""
    def side(s) -> dict:
        return {"label": s.label, "target": s.snapshot.target,
                "callbacks": sum(1 for cb in s.snapshot.callbacks if not cb.internal),
                "findings": len(s.findings)}

    def callback(change: CallbackChange) -> dict:
        return {"status": change.status, "function": change.callback.function,
                "base": _place_of(change.base), "head": _place_of(change.head),
                "changed": list(change.aspects)}

    def finding(change: FindingChange) -> dict:
        return {"status": change.status, "fingerprint": change.fingerprint,
                **change.finding.to_dict()}

    return {
        "schema_version": DIFF_SCHEMA_VERSION,
        "base": side(diff.base), "head": side(diff.head),
        "summary": {
            **{f"callbacks_{s}": len(diff.of(s)) for s in (ADDED, REMOVED, CHANGED)},
            **{f"dependencies_{s}": sum(1 for d in diff.dependencies if d.status == s)
               for s in (ADDED, REMOVED)},
            **{f"findings_{s}": len(diff.of(s)) for s in (NEW, FIXED, UNCHANGED)},
            "cycles_introduced": len(diff.cycles_introduced),
            "cycles_removed": len(diff.cycles_removed),
        },
        "callbacks": [callback(c) for c in diff.callbacks],
        "dependencies": [{"status": d.status, "function": d.callback, "kind": d.kind,
                          "key": d.key} for d in diff.dependencies],
        "cycles_introduced": [list(loop) for loop in diff.cycles_introduced],
        "cycles_removed": [list(loop) for loop in diff.cycles_removed],
        "findings": [finding(c) for c in diff.findings],
    }


def _place_of(callback) -> str | None:
    return callback.location if callback is not None else None


def json_text(diff: Diff) -> str:
    return json.dumps(to_dict(diff), indent=2) + "\n"


def markdown(diff: Diff) -> str:
    """A pull request comment: counts first, then tables of what changed."""
    counts = to_dict(diff)["summary"]
    lines = [
        "## Dash callback diff",
        "",
        f"`{md_code(diff.base.label)}` → `{md_code(diff.head.label)}`: "
        f"**{counts['findings_new']} new**, {counts['findings_fixed']} fixed, "
        f"{counts['findings_unchanged']} unchanged findings; callbacks "
        f"+{counts['callbacks_added']} −{counts['callbacks_removed']} "
        f"~{counts['callbacks_changed']}; dependencies +{counts['dependencies_added']} "
        f"−{counts['dependencies_removed']}; "
        f"{_plural(counts['cycles_introduced'], 'cycle')} introduced.",
        "",
    ]
    findings = [c for c in diff.findings if c.status != UNCHANGED]
    if findings:
        lines += ["### Findings", "", "| | Rule | Location | Message |", "|---|---|---|---|"]
        lines += [f"| {c.status} | {c.finding.code} {c.finding.name} | "
                  f"`{md_code(_place(c.finding))}` | {md_cell(c.finding.message)} |" for c in findings]
        lines.append("")
    if diff.callbacks:
        lines += ["### Callbacks", "", "| | Function | Where | What |", "|---|---|---|---|"]
        lines += [f"| {c.status} | `{md_code(c.callback.function)}` | "
                  f"`{md_code(c.callback.location)}` | "
                  f"{md_cell(', '.join(c.aspects) or _wiring(c))} |" for c in diff.callbacks]
        lines.append("")
    if diff.dependencies:
        lines += ["### Dependencies", "", "| | Function | Kind | Property |",
                  "|---|---|---|---|"]
        lines += [f"| {d.status} | `{md_code(d.callback)}` | {d.kind} | `{md_code(d.key)}` |"
                  for d in diff.dependencies]
        lines.append("")
    if diff.cycles_introduced:
        lines += ["### Cycles introduced", ""]
        lines += ["- " + " ↔ ".join(f"`{md_code(name)}`" for name in loop)
                  for loop in diff.cycles_introduced]
        lines.append("")
    lines.append(verdict(diff))
    return "\n".join(lines) + "\n"
