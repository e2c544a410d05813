"""The panels' functions: the findings list, the details, the summary and the group filter."""

from __future__ import annotations

import json

import plotly

from analysis.graph import callback_node
from explorer.callbacks.panels import (
    PROMPT, chart_is_stale, findings_count, findings_panel, group_filter, no_findings,
    selection_details, summary_badges, summary_chart,
)
from explorer.panels.summary import summary_counts


def text_of(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder)


def test_a_project_without_analysis_says_so(demo_store):
    nothing, count = demo_store.answer("broken", lambda s: "listed", no_findings())
    assert count == "Findings" and nothing.children == "No analysis."


def test_the_findings_list_follows_the_filters(demo_store):
    services = demo_store.services("demo")
    listed, count = findings_panel(services, None, None, None)
    assert count == "Findings (7)" and len(listed.children) == 7
    errors, count = findings_panel(services, ["error"], None, None)
    assert count == "Findings (6 of 7)"  # DASH010 is the demo's only warning
    assert [item.id["index"] for item in errors.children] == [0, 1, 3, 4, 5, 6]
    pricing, count = findings_panel(services, None, ["DASH040"], ["pages.pricing"])
    assert count == "Findings (1 of 7)" and "DASH040" in text_of(pricing)
    none, count = findings_panel(services, None, ["DASH040"], ["pages.orders"])
    assert count == "Findings (0 of 7)" and none.children == "No finding passes the filters."
    _, count = findings_panel(services, None, None, None, ["server"])
    assert count == "Findings (7)"
    none, count = findings_panel(services, None, None, None, ["clientside", "background"])
    assert count == "Findings (0 of 7)"


def test_findings_count():
    assert findings_count(0, 0) == "Findings (0)"
    assert findings_count(2, 9) == "Findings (2 of 9)"


def test_details_show_the_selection_under_its_finding(demo_store):
    services = demo_store.services("demo")
    assert selection_details(services, None) == [PROMPT]
    assert selection_details(services, {"nodes": []}) == [PROMPT]
    node = callback_node(14)
    plain = selection_details(services, {"nodes": [node], "finding": None})
    with_card = selection_details(services, {"nodes": [node], "finding": 1})
    assert len(with_card) == len(plain) + 1 and "DASH001" in text_of(with_card[0])
    assert text_of(selection_details(services, {"nodes": [node], "finding": 99})) == text_of(plain)
    assert demo_store.answer("broken", lambda s: "details", [PROMPT]) == [PROMPT]


def test_summary_badges_show_every_count(demo_store):
    services = demo_store.services("demo")
    badges = summary_badges(services)[0].children
    counts = summary_counts(services)
    assert [b.children[1].children for b in badges] == list(counts)
    assert [b.children[0].children for b in badges] == [str(v) for v in counts.values()]


def test_the_summary_chart_counts_findings_by_rule(demo_store):
    chart = summary_chart(demo_store.services("demo"))
    assert chart.id == "summary-chart" and "DASH040" in text_of(chart.figure)
    assert "DASH040" not in text_of(summary_chart(None).figure)


def test_the_group_filter_keeps_only_the_projects_groups():
    groups = ["app", "pages.orders"]
    assert group_filter(groups, ["pages.orders", "pages.gone"], None) == ["pages.orders"]
    assert group_filter(groups, ["pages.orders"], ["pages.orders"]) is None  # unchanged
    assert group_filter(groups, None, None) is None  # an empty filter never written stays
    assert group_filter(groups, None, ["pages.orders"]) == []
    assert group_filter([], ["pages.orders"], ["pages.orders"]) == []


def test_findings_are_listed_by_severity_then_place_as_keyboard_buttons(demo_store):
    services = demo_store.services("demo")
    listed, _ = findings_panel(services, None, None, None)
    shown = [services.findings[item.id["index"]] for item in listed.children]
    rank = {"error": 0, "warning": 1, "info": 2}
    assert [rank[f.severity] for f in shown] == sorted(rank[f.severity] for f in shown)
    errors = [f for f in shown if f.severity == "error"]
    assert [(f.file, f.line) for f in errors] == sorted((f.file, f.line) for f in errors)
    assert all(item.type == "button" and "finding-item" in item.className
               for item in listed.children)


def test_the_chart_waits_for_the_first_graph_then_follows_every_project():
    assert not chart_is_stale(False, None, ["demo", 0])  # plotly.js waits for the graph
    assert chart_is_stale(True, None, ["demo", 0])
    assert not chart_is_stale(True, ["demo", 0], ["demo", 0])
    # another project whose filtered graph is empty still replaces the chart
    assert chart_is_stale(False, ["demo", 0], ["shop", 0])
    assert chart_is_stale(False, ["demo", 0], ["demo", 1])
