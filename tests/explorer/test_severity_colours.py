"""One colour per severity: the graph, its legend, the summary chart and the findings' badges."""

from __future__ import annotations

import dash_bootstrap_components as dbc

from analysis.findings import SEVERITIES, Finding
from explorer.panels.details import finding_card, severity_badge
from explorer.view.stylesheet import BASE, SEVERITY_COLOURS


def badge_of(card: dbc.Card) -> dbc.Badge:
    header = card.children.children[0]
    return header.children[0]


def test_every_severity_has_one_colour():
    assert set(SEVERITY_COLOURS) == set(SEVERITIES)


def test_graph_nodes_and_edges_use_the_severity_colours():
    rules = {rule["selector"]: rule["style"] for rule in BASE}
    for severity, colour in SEVERITY_COLOURS.items():
        assert rules[f"node.{severity}"]["border-color"] == colour
        assert rules[f"edge.{severity}"]["line-color"] == colour


def test_a_finding_card_badge_has_its_severity_colour():
    for severity in SEVERITIES:
        card = finding_card(Finding("DASH001", "duplicate-output", severity, "m"))
        badge = badge_of(card)
        assert badge.children == severity and badge.color == SEVERITY_COLOURS[severity]


def test_an_unknown_severity_gets_a_neutral_badge():
    assert badge_of(finding_card(Finding("X1", "x", "fatal", "m"))).color == "secondary"


def test_a_severity_badge_is_the_card_badge():
    card = finding_card(Finding("DASH001", "duplicate-output", "warning", "m"))
    assert badge_of(card).to_plotly_json() == severity_badge("warning").to_plotly_json()
