"""DASH072's view of a subtree placed twice: its doubled ids, grouped into one finding."""

from __future__ import annotations

from typing import Iterable, Mapping

from analysis.snapshot import Component, Layout

#: (layout name, how many copies of each id) -> the ids of the copied subtree, in walk order.
Groups = dict[tuple[str, int], list[str]]


def copied_subtrees(duplicates: Iterable[tuple[Layout, str, Layout | None]],
                    holders: Mapping[tuple[str, str], list[Component]]) -> Groups:
    """The duplicated ids of each layout (not those shared with the app's layout) whose copies
    were all made at one place (one object placed twice, or one helper called twice), grouped
    by layout and number of copies; only groups of two ids or more: a lone id stays its own
    finding. Copies made at different places (two examples reusing one id) stay apart too."""
    groups: Groups = {}
    for layout, id_text, shell in duplicates:
        copies = holders.get((layout.name, id_text), [])
        sites = {c.site for c in copies}
        if shell is None and len(copies) > 1 and len(sites) == 1 and None not in sites:
            groups.setdefault((layout.name, len(copies)), []).append(id_text)
    return {key: ids for key, ids in groups.items() if len(ids) > 1}
