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
from paths import REPO

DEMO = REPO / "examples" / "demo" / "app.py"


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
    demo_store.services("demo")  # analysed: serving the page never starts an analysis
    server = create_app(demo_store, cache_dir=tmp_path).server.test_client()
    layout = json.loads(server.get("/_dash-layout").data)
    graph = find(layout, ids.GRAPH)["props"]
    expected = drawn_graph(demo_store.services("demo"), ViewSpec(), (), DEFAULT_LAYOUT)
    assert graph["elements"] == json.loads(json.dumps(expected[0])) and graph["elements"]
    assert graph["layout"] == expected[1]
    assert find(layout, ids.GRAPH_CAPTION)["props"]["children"] == expected[2]


def load_call(dependencies: list, wanted: str, served: bool) -> dict:
    """The renderer's first request for the callback writing ``wanted``, as a page served
    with (or without) the graph's first drawing sends it."""
    found = next(d for d in dependencies if wanted in d["output"])
    value = {f"{ids.GRAPH_SERVED}.data": served, f"{ids.PROJECT_SELECT}.value": "demo"}
    return {"output": found["output"],
            "outputs": [dict(zip(("id", "property"), o.rsplit(".", 1)))
                        for o in found["output"].strip(".").split("...")],
            "inputs": [{**i, "value": value.get(f"{i['id']}.{i['property']}")}
                       for i in found["inputs"]],
            "state": [{**st, "value": value.get(f"{st['id']}.{st['property']}")}
                      for st in found["state"]],
            "changedPropIds": []}


def test_no_callback_redraws_the_graph_or_restyles_it_on_load(demo_store, tmp_path):
    demo_store.services("demo")
    server = create_app(demo_store, cache_dir=tmp_path).server.test_client()
    dependencies = json.loads(server.get("/_dash-dependencies").data)
    on_load = [d for d in dependencies if not d.get("prevent_initial_call")]
    assert not [d for d in on_load if f"{ids.GRAPH}.stylesheet" in d["output"]]
    drawn = server.post("/_dash-update-component",
                        json=load_call(on_load, f"{ids.GRAPH}.elements", served=True))
    assert drawn.status_code == 204  # the page's own drawing stays


def test_a_page_served_before_the_analysis_draws_the_graph_on_load(tmp_path):
    """Serving the page runs no probe; the graph callback then draws on load."""
    store = ProjectStore([Project("demo", target=str(DEMO))], tmp_path / "results")
    server = create_app(store, cache_dir=tmp_path).server.test_client()
    layout = json.loads(server.get("/_dash-layout").data)
    assert find(layout, ids.GRAPH_SERVED)["props"]["data"] is False
    assert store._states["demo"].analysed_at == 0.0
    dependencies = json.loads(server.get("/_dash-dependencies").data)
    writer = next(d for d in dependencies if f"{ids.GRAPH}.elements" in d["output"])
    assert not writer.get("prevent_initial_call")  # the renderer calls it on load
    drawn = server.post("/_dash-update-component", json=load_call(
        dependencies, f"{ids.GRAPH}.elements", served=False))
    assert drawn.status_code == 200
    assert drawn.get_json()["response"][ids.GRAPH]["elements"], drawn.get_json()


def test_without_an_analysis_the_page_says_so(tmp_path):
    store = ProjectStore([Project("broken")], tmp_path)
    store.record_failure("broken", "the probe failed")
    elements, _, caption, _ = first_drawing(store.analysed("broken"), "none")
    assert elements == [] and "No analysis" in caption
