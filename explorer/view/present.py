"""Presentation mode's items: what to step through (findings, or later a comparison's changes)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable

from analysis.errors import ConfigError
from analysis.findings import Finding
from analysis.graph import callback_node, property_node
from analysis.rules import get_rule
from explorer.view.nodes import element_id


@dataclass(frozen=True)
class PresentItem:
    """One stop of a presentation: the element to centre and the caption explaining it."""

    element: str  # cytoscape element id
    title: str  # "DASH001 duplicate-output (error)"
    message: str
    fix: str  # first paragraph of the rule's "Use instead", or ""

    def to_dict(self) -> dict:
        return asdict(self)


def rule_fix(code: str) -> str:
    """The first paragraph of a rule's "## Use instead" section (how to fix it).

    >>> rule_fix("DASH001").startswith("One callback")
    True
    >>> rule_fix("NOPE999")
    ''
    """
    try:
        rationale = get_rule(code).rationale
    except ConfigError:
        return ""
    _, found, rest = rationale.partition("## Use instead")
    prose = rest.strip().split("\n\n")[0].split("```")[0]  # before a blank line or code
    return prose.replace("\n", " ").strip().rstrip(":") if found else ""


def finding_items(findings: Iterable[Finding]) -> tuple[PresentItem, ...]:
    """One item per finding that names a node: its first callback, else its first property."""
    items = []
    for finding in findings:
        keys = [callback_node(i) for i in finding.callbacks] + [
            property_node(p) for p in finding.properties]
        if keys:
            items.append(PresentItem(element_id(keys[0]),
                                     f"{finding.code} {finding.name} ({finding.severity})",
                                     finding.message, rule_fix(finding.code)))
    return tuple(items)


def stepped(index: int, count: int, move: int) -> int:
    """The item after ``move`` steps from ``index``, wrapping round both ends.

    >>> stepped(0, 3, -1), stepped(2, 3, 1), stepped(0, 0, 1)
    (2, 0, 0)
    """
    return (index + move) % count if count else 0
