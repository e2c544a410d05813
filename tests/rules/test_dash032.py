"""DASH032 legacy-trigger-parsing on the runtime fixture apps and on its suggestion."""

from __future__ import annotations

import textwrap

import pytest

from analysis.rules.dash032_legacy_trigger_parsing import uses_property_part
from analysis.source.python import parse_function
from snapshot_factory import flagged, probed_findings


def test_dash032_hand_parsed_prop_id():
    assert flagged(probed_findings("runtime/events_app.py"), "DASH032") == {"legacy_which"}


@pytest.mark.parametrize("body, wants_property", [
    ('prop = ctx.triggered[0]["prop_id"].split(".")[1]', True),
    ('prop = ctx.triggered[0]["prop_id"].split(".")[-1]', True),
    ('which, prop = ctx.triggered[0]["prop_id"].split(".")', True),
    ('prop = ctx.triggered[0]["prop_id"].rpartition(".")[2]', True),
    ('which = ctx.triggered[0]["prop_id"].split(".")[0]', False),
    ('which, _ = ctx.triggered[0]["prop_id"].split(".")', False),
])
def test_dash032_suggests_triggered_prop_ids_when_the_property_half_is_used(body, wants_property):
    function = parse_function(textwrap.dedent(f"def f(a, b):\n    {body}"))
    assert uses_property_part(function) is wants_property
