"""Links: the controls a query string restores, and the query string the controls write."""

from __future__ import annotations

from dataclasses import asdict

from explorer.callbacks.url import project_collapse, restored_controls, shared_view
from explorer.view.urlstate import UrlView, decode, encode


def test_a_link_restores_its_controls(demo_store):
    search = "?project=demo&q=orders&severity=error&rule=DASH001&kind=async&collapse=group" \
             "&layout=cose&focus=both&depth=3&node=cb%3A1"
    restored = restored_controls(demo_store, search)
    assert restored == ("demo", "orders", ["error"], ["DASH001"], ["async"], "group", "cose",
                        "both", asdict(decode(search)))


def test_a_link_to_an_unknown_project_opens_the_default_one(demo_store):
    project, *_, collapse, layout, direction, view = restored_controls(demo_store, "?project=x")
    assert (project, collapse, layout, direction) == ("demo", "none", "dagre", "off")
    assert view["project"] == "x"


def test_a_project_without_analysis_opens_in_detail(demo_store):
    assert project_collapse(demo_store, "demo") == "none"
    assert project_collapse(demo_store, "broken") == "none"


def test_the_url_keeps_the_view_but_not_the_projects_default_collapse(demo_store):
    view = shared_view(demo_store, "demo", "orders", ["pages.orders"], ["error"], None, None,
                       "none", None, None, None, {"nodes": ["cb:1"], "finding": 1})
    assert view == UrlView(project="demo", search="orders", groups=("pages.orders",),
                           severities=("error",), selected=("cb:1",), finding=1)
    grouped = shared_view(demo_store, "demo", None, None, None, None, None, "group", "cose",
                          "both", 2, None)
    assert encode(grouped) == "?project=demo&collapse=group&layout=cose&focus=both&depth=2"
