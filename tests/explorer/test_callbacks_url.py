"""Links: the controls a query string restores, and the query string the controls write."""

from __future__ import annotations

from dataclasses import asdict

from explorer import ids
from explorer.app import create_app
from explorer.callbacks.url import (
    project_collapse, restored_controls, restored_search, shared_view,
)
from explorer.view.urlstate import UrlView, decode, encode


def test_a_link_restores_its_controls(demo_store):
    search = "?project=demo&q=orders&severity=error&rule=DASH001&kind=async&collapse=group" \
             "&layout=cose&focus=both&depth=3&node=cb%3A1"
    restored = restored_controls(demo_store, search)
    assert restored == ("demo", "orders", {
        "severities": ["error"], "rules": ["DASH001"], "kinds": ["async"], "collapse": "group",
        "direction": "both", "layout": "cose", "changes": False}, asdict(decode(search)))


def test_a_link_to_an_unknown_project_opens_the_default_one(demo_store):
    project, search, controls, view = restored_controls(demo_store, "?project=x")
    assert (project, search, view["project"]) == ("demo", "", "x")
    assert controls == {"severities": [], "rules": [], "kinds": [], "collapse": "none",
                        "direction": "off", "layout": "dagre", "changes": False}


def test_a_project_without_analysis_opens_in_detail(demo_store):
    assert project_collapse(demo_store, "demo") == "none"
    assert project_collapse(demo_store, "broken") == "none"


def test_the_url_keeps_the_view_but_not_the_projects_default_collapse(demo_store):
    controls = {"groups": ["pages.orders"], "severities": ["error"], "rules": None,
                "kinds": ["server", "async"], "collapse": "none", "layout": None,
                "direction": None, "depth": None}
    view = shared_view(demo_store, "demo", "orders", controls,
                       {"nodes": ["cb:1"], "finding": 1})
    assert view == UrlView(project="demo", search="orders", groups=("pages.orders",),
                           severities=("error",), kinds=("server", "async"),
                           selected=("cb:1",), finding=1)
    grouped = shared_view(demo_store, "demo", None, dict(
        controls, groups=None, severities=None, kinds=None, collapse="group", layout="cose",
        direction="both", depth=2), None)
    assert encode(grouped) == "?project=demo&collapse=group&layout=cose&focus=both&depth=2"


def test_the_graph_and_the_url_follow_every_view_control(demo_store, tmp_path):
    app = create_app(demo_store, cache_dir=tmp_path)
    wired = {c["callback"].__name__: dict(c, outputs=key)
             for key, c in app.callback_map.items() if "callback" in c}
    controls = {f"{control}.value" for _, control in ids.VIEW_CONTROLS}

    def inputs(name: str) -> set[str]:
        return {f"{d['id']}.{d['property']}" for d in wired[name]["inputs"]}

    assert controls <= inputs("render_graph") and controls <= inputs("write_url")
    restored = set(wired["restore_view"]["outputs"].strip(".").split("..."))
    assert restored & controls == controls - {"filter-group.value", "focus-depth-slider.value"}


def test_the_url_keeps_the_opened_groups_and_back_forward_restores_them(demo_store):
    view = shared_view(demo_store, "demo", None, {}, None, ["group:pages.orders", "cluster:b#2"])
    assert encode(view) == "?project=demo&open=group%3Apages.orders&open=cluster%3Ab%232"
    assert decode(encode(view)).opened == ("group:pages.orders", "cluster:b#2")
    assert restored_search(True, "?project=demo", "?project=demo&severity=error") == \
        "?project=demo"
    assert restored_search(False, "?old", "?project=demo") == "?project=demo"
