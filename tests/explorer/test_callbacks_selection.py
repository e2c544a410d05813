"""What gets selected, how far focus reaches, and which groups of the overview open."""

from __future__ import annotations

from dash import no_update

from analysis.graph import callback_node
from explorer import ids
from explorer.callbacks.overview import (
    groups_to_open, opened_groups, selection_groups, with_opened,
)
from explorer.callbacks.selection import next_selection, selection_of, synced_depth
from explorer.view.nodes import element_id

WRITTEN = selection_of(["cb:3"])  # a selection the page already holds


def select(demo_store, trigger, *, url_fired=False, clicked=False, tapped=None, url_view=None,
           query=None, current=WRITTEN, project="demo"):
    return next_selection(trigger, url_fired, clicked, tapped, url_view, query, current,
                          demo_store.services(project))


def test_a_selection_names_its_nodes_and_their_elements():
    assert selection_of(["cb:1", "comp:a"], 2) == {
        "nodes": ["cb:1", "comp:a"], "elements": ["cb-1", element_id("comp:a")], "finding": 2}
    assert selection_of([]) == {"nodes": [], "elements": [], "finding": None}


def test_the_link_restores_its_selection_until_the_user_selects(demo_store):
    link = {"selected": ["cb:5"], "finding": 0}
    assert select(demo_store, ids.URL_VIEW, url_fired=True, url_view=link) == \
        selection_of(["cb:5"], 0)
    # buttons appearing while the restoring request is in flight: restore again
    never = {"nodes": [], "finding": None}
    pattern = {"type": ids.SEARCH_RESULT, "node": "cb:1"}
    assert select(demo_store, pattern, url_view=link, current=never) == selection_of(["cb:5"], 0)
    # a real click wins
    assert select(demo_store, pattern, clicked=True, url_view=link, current=never) == \
        selection_of(["cb:1"])


def test_each_way_of_selecting(demo_store):
    assert select(demo_store, ids.GRAPH, tapped={"key": "cb:2"}) == selection_of(["cb:2"])
    assert select(demo_store, ids.GRAPH, tapped={}) is None
    query = "net_to_gross"
    first = demo_store.services("demo").search(query)[0].key
    assert select(demo_store, ids.SEARCH_INPUT, query=f" {query} ") == selection_of([first])
    assert select(demo_store, ids.SEARCH_INPUT, query="no-such-thing-anywhere") is None
    finding = {"type": ids.FINDING_ITEM, "index": 1}
    assert select(demo_store, finding, clicked=True) == \
        selection_of([callback_node(14), callback_node(16)], 1)
    assert select(demo_store, {"type": ids.FINDING_ITEM, "index": 99}, clicked=True) is None
    related = {"type": ids.RELATED_NODE, "node": "comp:orders-count"}
    assert select(demo_store, related, clicked=True) == selection_of(["comp:orders-count"])
    assert select(demo_store, related) is None  # rendered, not clicked
    assert select(demo_store, ids.CLEAR_SELECTION, clicked=True) == selection_of([])
    assert select(demo_store, ids.CLEAR_SELECTION) is None


def test_another_project_keeps_the_selection_only_if_it_has_those_nodes(demo_store):
    assert select(demo_store, ids.PROJECT_SELECT) is None
    assert select(demo_store, ids.PROJECT_SELECT, current=selection_of(["cb:999"])) == \
        selection_of([])
    assert select(demo_store, ids.PROJECT_SELECT, project="broken") == selection_of([])


def test_slider_and_box_show_one_depth():
    assert synced_depth(ids.FOCUS_DEPTH_SLIDER, 3, 1, None) == (no_update, 3)
    assert synced_depth(ids.FOCUS_DEPTH_INPUT, 1, 4.0, None) == (4, no_update)
    assert synced_depth(ids.FOCUS_DEPTH_INPUT, 1, 40, None) == (10, 10)  # clamped
    # an emptied box (sent on Enter or blur) shows the slider's depth again
    assert synced_depth(ids.FOCUS_DEPTH_INPUT, 3, None, None) == (no_update, 3)
    assert synced_depth(ids.FOCUS_DEPTH_INPUT, 3, 0, None) == (1, 1)
    assert synced_depth(ids.FOCUS_DEPTH_INPUT, 3, 99, None) == (10, 10)
    assert synced_depth(ids.FOCUS_DEPTH_INPUT, 1, 2.5, None) == (3, 3)
    assert synced_depth(ids.FOCUS_DEPTH_INPUT, 3, 3.2, None) == (no_update, 3)
    assert synced_depth(ids.URL_VIEW, 1, 1, {"depth": 2}) == (2, 2)
    assert synced_depth(ids.URL_VIEW, 1, 1, None) is None
    # a link with the depth shown already changes nothing (no redraw of the first drawing)
    assert synced_depth(ids.URL_VIEW, 2, 2, {"depth": 2}) == (no_update, no_update)


def test_clicks_and_selections_open_groups_of_the_overview(demo_store):
    assert groups_to_open({"key": "cluster:a#1", "expandable": True}) == ["cluster:a#1"]
    assert groups_to_open({"key": "cb:1"}) == groups_to_open(None) == []
    opened = selection_groups(demo_store, "demo", {"nodes": ["cb:0"]})
    assert opened == ["group:pages.pricing", "cluster:pages.pricing#1"]
    assert selection_groups(demo_store, "demo", {"nodes": []}) == []
    assert selection_groups(demo_store, "broken", {"nodes": ["cb:0"]}) == []
    assert with_opened(["group:x"], ["group:x", "cluster:y"]) == ["group:x", "cluster:y"]
    assert with_opened(["group:x"], ["group:x"]) is None
    assert with_opened(None, []) is None


def test_a_link_or_back_forward_opens_the_groups_it_names():
    url = {"opened": ["group:pages.orders"]}
    assert opened_groups(ids.URL_VIEW, None, [], None, url, []) == ["group:pages.orders"]
    assert opened_groups(ids.URL_VIEW, None, [], None, url, ["group:pages.orders"]) is None
    assert opened_groups(ids.URL_VIEW, None, [], None, {}, ["group:x"]) == []
    assert opened_groups(ids.PROJECT_SELECT, None, [], None, None, ["group:x"]) == []
    assert opened_groups(ids.OVERVIEW_RESET, None, [], 1, None, ["group:x"]) == []
    tapped = {"key": "cluster:a#1", "expandable": True}
    assert opened_groups(ids.GRAPH, tapped, [], None, None, ["group:x"]) == \
        ["group:x", "cluster:a#1"]
    assert opened_groups(ids.SELECTION, None, ["group:y"], None, None, None) == ["group:y"]
