"""DASH032 legacy-trigger-parsing on the runtime fixture apps and on its suggestion."""

from __future__ import annotations

import textwrap

import pytest

from analysis.rules.dash032_legacy_trigger_parsing import uses_property_part
from analysis.source.python import parse_function
from snapshot_factory import ALL, flagged, lint_codes, probed_findings, server, snapshot

WHICH_BUTTON = """
def which(temp, rain):
    button_id = ctx.triggered[0]['prop_id'].split('.')[0]
    return f"{button_id} clicked"
"""


def test_dash032_hand_parsed_prop_id():
    assert flagged(probed_findings("runtime/events_app.py"), "DASH032") == {"legacy_which"}


def test_dash032_leaves_the_exact_split_of_plain_ids_alone():
    """The sg-analytics shape: string ids cannot hold a "." (Dash refuses them), so
    ``split('.')[0]`` is the id: it works; triggered_id would only be tidier."""
    plain = server(0, WHICH_BUTTON, inputs=["toggle-temp.n_clicks", "toggle-rain.n_clicks"])
    assert lint_codes(snapshot(plain), "DASH032") == []


def test_dash032_reports_hand_parsing_with_a_pattern_matching_input():
    """With ALL buttons the prop_id is JSON text: a substring test finds the kind, not the one."""
    pattern = server(0, WHICH_BUTTON, inputs=[({"type": "marker", "index": ALL}, "n_clicks"),
                                              "search.n_clicks"])
    (finding,) = lint_codes(snapshot(pattern), "DASH032")
    assert finding.message.endswith("use ctx.triggered_id")


@pytest.mark.parametrize("body, wants_property", [
    ('prop = ctx.triggered[0]["prop_id"].split(".")[1]', True),
    ('prop = ctx.triggered[0]["prop_id"].split(".")[-1]', True),
    ('which, prop = ctx.triggered[0]["prop_id"].split(".")', True),
    ('prop = ctx.triggered[0]["prop_id"].rpartition(".")[2]', True),
    ('which = ctx.triggered[0]["prop_id"].split(".")[0]', False),
    ('which, _ = ctx.triggered[0]["prop_id"].split(".")', False),
    # portfolio_analytics: the property is dropped, then the index cut out of the id's JSON
    ('tk = ctx.triggered[0]["prop_id"].split(".n_clicks")[0].split(\'{"index":"\')[1]', False),
    ('tk, rest = ctx.triggered[0]["prop_id"].split(".n_clicks", 1)', False),
])
def test_dash032_suggests_triggered_prop_ids_when_the_property_half_is_used(body, wants_property):
    function = parse_function(textwrap.dedent(f"def f(a, b):\n    {body}"))
    assert uses_property_part(function) is wants_property
