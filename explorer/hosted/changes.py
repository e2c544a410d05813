"""Stored history entries compared by analysis.diff: the API's diff and each entry's change."""

from __future__ import annotations

from analysis.diff.model import Diff, Side
from analysis.diff.render import to_dict
from analysis.findings import fingerprints
from explorer.services import SnapshotServices


def entry_side(label: str, services: SnapshotServices) -> Side:
    """One side of a diff from a stored entry's services: its snapshot, its stored findings
    and the graph the lint built (a 12,000-callback graph is seconds to build again)."""
    found = tuple(services.findings)
    return Side(label, services.snapshot, found, tuple(fingerprints(found, services.snapshot)),
                graph=services.graph)


def change_of(diff: Diff, base: str | None) -> dict:
    """What an entry keeps of its diff against the entry before it (``base``: that entry's
    id): the diff's JSON ``summary`` counts. None for ``base`` and no counts: the first."""
    return {"base": base, **(to_dict(diff)["summary"] if base is not None else {})}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def change_line(change: dict | None) -> str:
    """The change in a few words, for the history picker; "" when none is kept.

    >>> change_line({"base": "x", "callbacks_added": 3, "callbacks_removed": 1,
    ...              "callbacks_changed": 0, "findings_new": 2, "findings_fixed": 1})
    '+3 −1 callbacks · 2 new, 1 fixed findings'
    >>> change_line({"base": "x", "callbacks_added": 0, "callbacks_removed": 0,
    ...              "callbacks_changed": 2, "findings_new": 0, "findings_fixed": 0,
    ...              "cycles_introduced": 1})
    '2 changed callbacks · 1 cycle introduced'
    >>> change_line({"base": None}), change_line(None)
    ('first snapshot', '')
    """
    if not change:
        return ""
    if change.get("base") is None:
        return "first snapshot"
    count = {key: int(value) for key, value in change.items() if isinstance(value, int)}
    added, removed = count.get("callbacks_added", 0), count.get("callbacks_removed", 0)
    changed = count.get("callbacks_changed", 0)
    parts = []
    if added or removed:
        parts.append(f"+{added} −{removed} callbacks" + (f", {changed} changed" if changed
                                                         else ""))
    elif changed:
        parts.append(_plural(changed, "changed callback"))
    new, fixed = count.get("findings_new", 0), count.get("findings_fixed", 0)
    if new or fixed:
        parts.append(f"{new} new, {fixed} fixed finding{'' if new + fixed == 1 else 's'}")
    if count.get("cycles_introduced"):
        parts.append(f"{_plural(count['cycles_introduced'], 'cycle')} introduced")
    return " · ".join(parts) or "no callback or finding changed"
