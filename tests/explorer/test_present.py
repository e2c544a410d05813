"""Presentation mode's server side: the items a demo's findings make, stepping through them
(wrapping), and the caption naming the current one with its rule's fix."""

from __future__ import annotations

from explorer import ids
from explorer.callbacks.present import caption, next_state
from explorer.view.nodes import element_id
from explorer.view.present import finding_items
from analysis.graph import callback_node


def test_each_finding_becomes_an_item_on_its_first_callback(demo_store):
    findings = demo_store.services("demo").findings
    items = finding_items(findings)
    with_callbacks = [f for f in findings if f.callbacks]
    assert len(items) >= len(with_callbacks) >= 3
    first = with_callbacks[0]
    assert items[0].element == element_id(callback_node(first.callbacks[0]))
    assert items[0].title.startswith(first.code) and items[0].message == first.message
    assert any(item.fix for item in items)  # the rule's "Use instead" prose
    assert not any("```" in item.fix for item in items)  # code blocks are no caption


def test_start_next_next_prev_lands_on_the_second_item_and_stop_leaves(demo_store):
    items = [item.to_dict() for item in finding_items(demo_store.services("demo").findings)]
    state = next_state(ids.PRESENT_START, {"on": False, "index": 0, "items": []}, items, 3)
    # n n p: each request carries the click counts so far; all may read the same stored state
    for key, net in ((ids.PRESENT_NEXT, 4), (ids.PRESENT_NEXT, 5), (ids.PRESENT_PREV, 4)):
        assert next_state(key, state, [], net)["index"] == net - 3
    state = next_state(ids.PRESENT_PREV, state, [], 4)
    assert state["on"] and state["index"] == 1
    text = str(caption(state))
    assert items[1]["title"] in text and f"2 / {len(items)}" in text
    assert next_state(ids.PRESENT_PREV, state, [], 2)["index"] == len(items) - 1  # wraps
    stopped = next_state(ids.PRESENT_STOP, state, [], 4)
    assert not stopped["on"] and caption(stopped) == []
    assert next_state(ids.PRESENT_NEXT, stopped, [], 5) == stopped  # n while off: nothing
