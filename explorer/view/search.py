"""Search over component ids, properties, callback function names and files."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from explorer.view.catalog import Catalog
from explorer.view.nodes import component_node


@dataclass(frozen=True)
class SearchEntry:
    """One searchable node: its key, what a result shows, and the text matched against."""

    key: str
    label: str
    detail: str
    kind: str  # "callback" | "component" | "property"
    text: str  # lower-cased haystack


@dataclass(frozen=True)
class SearchHit:
    key: str
    label: str
    detail: str
    kind: str


def build_index(graph: nx.DiGraph, catalog: Catalog) -> tuple[SearchEntry, ...]:
    """Every callback, component and property of the graph as a search entry."""
    entries: list[SearchEntry] = []
    for key, cb in sorted(catalog.callbacks.items(), key=lambda item: item[1].index):
        label = catalog.names.get(key, cb.name)
        text = " ".join([cb.function, label, cb.location, cb.module or ""])
        entries.append(SearchEntry(key, label, cb.location, "callback", text.lower()))
    for component in sorted(set(catalog.component_of.values())):
        kind = catalog.component_type.get(component, "")
        entries.append(SearchEntry(
            component_node(component), component, kind, "component",
            f"{component} {kind}".lower(),
        ))
    for key, component in sorted(catalog.component_of.items()):
        prop = graph.nodes[key]["property"]
        entries.append(SearchEntry(
            key, f"{component}.{prop}", catalog.component_type.get(component, ""), "property",
            f"{component}.{prop}".lower(),
        ))
    return tuple(entries)


#: How many hits a search lists; the list says so when there are more.
SEARCH_LIMIT = 20


def count_matches(index: tuple[SearchEntry, ...], query: str) -> int:
    """How many entries match every word of ``query`` (all of them, not just those listed)."""
    words = query.lower().split()
    if not words:
        return 0
    return sum(1 for entry in index if all(word in entry.text for word in words))


def search(index: tuple[SearchEntry, ...], query: str,
           limit: int = SEARCH_LIMIT) -> tuple[SearchHit, ...]:
    """Entries matching every word of ``query``; exact and prefix matches of the label first."""
    words = query.lower().split()
    if not words:
        return ()
    scored = []
    for position, entry in enumerate(index):
        if not all(word in entry.text for word in words):
            continue
        label = entry.label.lower()
        whole = " ".join(words)
        rank = 0 if label == whole else 1 if label.startswith(whole) else 2
        scored.append((rank, position, entry))
    scored.sort(key=lambda item: item[:2])
    return tuple(SearchHit(e.key, e.label, e.detail, e.kind) for _, _, e in scored[:limit])
