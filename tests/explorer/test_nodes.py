"""The explorer's node keys read back to what made them, and element ids stay selector-safe."""

from __future__ import annotations

import re

from analysis.graph import callback_node, property_node
from explorer.view.nodes import (
    cluster_node, component_node, component_of_key, element_id, group_node, group_of_key,
    kind_of_key, name_of_key,
)

PATTERN_ID = '{"index":1,"type":"row"}'
KEYS = (callback_node(3), property_node(f"{PATTERN_ID}.value"), component_node(PATTERN_ID),
        component_node("total"), group_node("pages.orders"), cluster_node("pages.orders", 2))


def test_component_and_group_keys_read_back():
    assert component_of_key(component_node(PATTERN_ID)) == PATTERN_ID
    assert group_of_key(group_node("pages.orders")) == "pages.orders"


def test_other_keys_are_no_component_or_group():
    for key in (callback_node(3), property_node("comp.value"), cluster_node("group", 1),
                group_node("x")):
        assert component_of_key(key) is None
    for key in (callback_node(3), component_node("group"), cluster_node("pages.a", 1)):
        assert group_of_key(key) is None


def test_kind_and_name_of_any_key():
    assert [kind_of_key(k) for k in KEYS] == ["cb", "prop", "comp", "comp", "group", "cluster"]
    assert name_of_key(component_node("a:b")) == "a:b"
    assert name_of_key(cluster_node("app", 1)) == "app#1"
    assert name_of_key("plain") == kind_of_key("plain") == "plain"


def test_element_ids_are_selector_safe_distinct_and_stable():
    ids = [element_id(k) for k in KEYS]
    assert ids[0] == "cb-3"
    assert all(re.fullmatch(r"[a-z]+-[0-9a-f]+", i) for i in ids)
    assert len(set(ids)) == len(ids)
    assert [element_id(k) for k in KEYS] == ids
    assert [i.split("-")[0] for i in ids] == [kind_of_key(k) for k in KEYS]
