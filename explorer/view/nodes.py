"""Keys of the explorer's own nodes (components, pages/modules, clusters) and cytoscape element
ids: made and read back here only (callback and property keys: ``analysis.graph``)."""

from __future__ import annotations

import hashlib

from analysis.graph import callback_index

_COMPONENT, _GROUP, _CLUSTER = "comp", "group", "cluster"


def component_node(id_text: str) -> str:
    """The key of a component's compound node.

    >>> component_node("total")
    'comp:total'
    """
    return f"{_COMPONENT}:{id_text}"


def group_node(group: str) -> str:
    """The key of a collapsed page/module node.

    >>> group_node("pages.orders")
    'group:pages.orders'
    """
    return f"{_GROUP}:{group}"


def cluster_node(group: str, number: int) -> str:
    """The key of a cluster node.

    >>> cluster_node("app", 3)
    'cluster:app#3'
    """
    return f"{_CLUSTER}:{group}#{number}"


def component_of_key(key: str) -> str | None:
    """The component id text a component node key names (``component_node`` read back), else None.

    >>> component_of_key(component_node("total")), component_of_key("prop:total.children")
    ('total', None)
    """
    return _named(_COMPONENT, key)


def group_of_key(key: str) -> str | None:
    """The page/module a group node key names (``group_node`` read back), else None.

    >>> group_of_key(group_node("pages.a")), group_of_key(cluster_node("pages.a", 1))
    ('pages.a', None)
    """
    return _named(_GROUP, key)


def kind_of_key(key: str) -> str:
    """The kind that opens any node key.

    >>> kind_of_key("prop:a.value"), kind_of_key(cluster_node("app", 1))
    ('prop', 'cluster')
    """
    return key.split(":", 1)[0]


def name_of_key(key: str) -> str:
    """What any node key names, without its kind: a fallback label.

    >>> name_of_key(component_node("total")), name_of_key("prop:a.value")
    ('total', 'a.value')
    """
    return key.split(":", 1)[-1]


def element_id(key: str) -> str:
    """A cytoscape-safe element id for a node key (selectors choke on quotes and braces).

    >>> element_id("cb:3")
    'cb-3'
    >>> element_id(component_node('{"index":1,"type":"row"}'))
    'comp-...'
    """
    index = callback_index(key)
    if index is not None:
        return f"cb-{index}"
    digest = hashlib.blake2b(key.encode(), digest_size=6).hexdigest()
    return f"{kind_of_key(key)}-{digest}"


def _named(kind: str, key: str) -> str | None:
    prefix = f"{kind}:"
    return key[len(prefix):] if key.startswith(prefix) else None
