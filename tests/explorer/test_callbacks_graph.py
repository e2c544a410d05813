"""The graph callbacks' functions: what the graph draws, its caption, and search."""

from __future__ import annotations

from dataclasses import fields

from explorer import ids
from explorer.callbacks.graph import (
    NO_ANALYSIS, drawn_graph, graph_caption, no_graph, search_highlights, search_result_list,
)
from explorer.layout import graph_layout
from explorer.services import GraphView
from explorer.view.aggregate import PRESET_LAYOUT
from explorer.view.nodes import element_id
from explorer.view.search import SEARCH_LIMIT, count_matches
from explorer.view.filters import ViewSpec, view_spec
from explorer.view.urlstate import UrlView


def test_view_spec_sorts_the_filters_and_focuses_only_while_focus_is_on():
    controls = {"groups": ["b", "a"], "severities": ["warning", "error"], "rules": None,
                "kinds": None, "collapse": None, "direction": "off", "depth": 3,
                "layout": "cose"}
    assert view_spec(controls, ["cb:1"]) == \
        ViewSpec(groups=("a", "b"), severities=("error", "warning"))
    focused = view_spec(dict(controls, collapse="group", direction="both", depth=None),
                        ["cb:1"])
    assert (focused.focus, focused.direction, focused.depth, focused.collapse) == \
        (("cb:1",), "both", 1, "group")
    assert view_spec({"direction": None}, ["cb:1"]) == ViewSpec()


def test_every_view_control_is_a_field_of_the_view_or_the_link():
    names = [name for name, _ in ids.VIEW_CONTROLS]
    assert len(set(names)) == len(names) == len({c for _, c in ids.VIEW_CONTROLS})
    assert set(names) <= {f.name for f in fields(ViewSpec)} | {f.name for f in fields(UrlView)}


def test_a_project_without_analysis_draws_nothing_and_hides_the_reset(demo_store):
    assert demo_store.answer("broken", lambda s: "drawn", no_graph("cose")) == \
        ([], graph_layout("cose"), NO_ANALYSIS, {"display": "none"})
    assert demo_store.answer("nope", lambda s: "drawn", "nothing") == "nothing"


def test_the_drawn_graph_counts_what_it_shows(demo_store):
    services = demo_store.services("demo")
    elements, layout, caption, reset = drawn_graph(services, ViewSpec(), (), "cose")
    view = services.graph_view(ViewSpec(), (), "cose")
    assert elements == list(view.elements) and layout == graph_layout("cose")
    assert caption == f"18 of 18 callbacks, {view.properties} properties shown"
    assert reset == {"display": "none"}
    filtered = drawn_graph(services, ViewSpec(groups=("pages.pricing",)), (), "dagre")
    assert filtered[2].startswith("3 of 18 callbacks")


def test_a_large_graph_opens_aggregated_at_its_server_positions(large_paged):
    services = large_paged
    spec = ViewSpec(collapse="overview")
    _, layout, caption, reset = drawn_graph(services, spec, (), "dagre")
    assert layout == PRESET_LAYOUT and reset == {"display": "none"}
    assert " — aggregated by page/module and connected cluster" in caption
    assert drawn_graph(services, spec, (), "cose")[1] == graph_layout("cose")
    assert drawn_graph(services, spec, ("group:pages.p1",), "dagre")[3] == \
        {"display": "inline"}  # something opened: "Close opened groups" shows


def test_the_caption_says_how_to_see_more():
    view = GraphView(elements=(), callbacks=2, properties=5, aggregated=True, positioned=True)
    caption = graph_caption(view, 300, ViewSpec(direction="upstream"))
    assert caption.startswith("2 of 300 callbacks, 5 properties shown — aggregated")
    assert caption.endswith(" (select a node to focus on it)")
    shown = GraphView(elements=(), callbacks=2, properties=5, aggregated=False, positioned=False)
    assert graph_caption(shown, 2, ViewSpec(direction="upstream", focus=("cb:1",))) == \
        "2 of 2 callbacks, 5 properties shown"


def test_search_highlights_the_hits_and_the_groups_holding_them(demo_store):
    services = demo_store.services("demo")
    highlighted = search_highlights(services, "  net_to_gross ")
    hits = [hit.key for hit in services.search("net_to_gross")]
    assert hits and highlighted[:len(hits)] == [element_id(k) for k in hits]
    assert element_id("group:pages.pricing") in highlighted
    assert search_highlights(services, None) == []


def test_search_results_are_buttons_selecting_their_node(demo_store):
    services = demo_store.services("demo")
    assert search_result_list(services, "   ") == []
    assert search_result_list(services, "no-such-thing-anywhere")[0].children == "No match."
    buttons = search_result_list(services, "net_to_gross")
    assert [b.id for b in buttons] == [{"type": "search-result", "node": h.key}
                                        for h in services.search("net_to_gross")]


def test_a_cut_off_search_says_how_many_matched(demo_store):
    services = demo_store.services("demo")
    listed = search_result_list(services, "a")
    total = count_matches(services.search_index, "a")
    assert total > SEARCH_LIMIT and len(listed) == SEARCH_LIMIT + 1
    assert listed[-1].children.startswith(f"{SEARCH_LIMIT} of {total} shown")
    assert all(getattr(b, "id", None) for b in search_result_list(services, "net_to_gross"))


def test_a_view_that_shows_nothing_says_how_to_get_back(demo_store):
    services = demo_store.services("demo")
    empty = services.graph_view(ViewSpec(severities=("info",)), (), "dagre")
    assert graph_caption(empty, 20, ViewSpec(severities=("info",))).startswith("Nothing matches")
