"""The first open: the page itself holds the graph's first drawing, and no callback that
runs on load redraws it (each would cost a round trip or more before the graph shows)."""

from __future__ import annotations

import json

from explorer import ids
from explorer.app import create_app
from explorer.callbacks.graph import drawn_graph, first_drawing
from explorer.projects import Project, ProjectStore
from explorer.view.filters import ViewSpec
from explorer.view.urlstate import DEFAULT_LAYOUT


def find(component: dict, wanted: str) -> dict | None:
    """The component with id ``wanted`` in a serialised layout."""
    if isinstance(component, dict):
        if component.get("props", {}).get("id") == wanted:
            return component
        children = component.get("props", {}).get("children")
        for child in children if isinstance(children, list) else [children]:
            found = find(child, wanted)
            if found:
                return found
    return None


def test_the_page_is_served_with_the_default_views_graph(demo_store, tmp_path):
    server = create_app(demo_store, cache_dir=tmp_path).server.test_client()
    layout = json.loads(server.get("/_dash-layout").data)
    graph = find(layout, ids.GRAPH)["props"]
    expected = drawn_graph(demo_store.services("demo"), ViewSpec(), (), DEFAULT_LAYOUT)
    assert graph["elements"] == json.loads(json.dumps(expected[0])) and graph["elements"]
    assert graph["layout"] == expected[1]
    assert find(layout, ids.GRAPH_CAPTION)["props"]["children"] == expected[2]


def test_no_callback_redraws_the_graph_or_restyles_it_on_load(demo_store, tmp_path):
    server = create_app(demo_store, cache_dir=tmp_path).server.test_client()
    dependencies = json.loads(server.get("/_dash-dependencies").data)
    on_load = [d["output"] for d in dependencies if not d.get("prevent_initial_call")]
    assert not [out for out in on_load
                if f"{ids.GRAPH}.elements" in out or f"{ids.GRAPH}.stylesheet" in out]


def test_without_an_analysis_the_page_says_so(tmp_path):
    store = ProjectStore([Project("broken")], tmp_path)
    store.record_failure("broken", "the probe failed")
    elements, _, caption, _ = first_drawing(store, "none")
    assert elements == [] and "No analysis" in caption
