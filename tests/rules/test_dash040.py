"""DASH040 multi-callback-cycle on real apps run through the probe, and hand-made edge cases."""

from __future__ import annotations

import pytest
from snapshot_factory import callback, lint_codes, probed, snapshot


@pytest.fixture(scope="session")
def single_bad():
    return probed("outputs_and_cycles/single_bad")


def cycles_named(snap):
    return sorted(
        sorted(name.rsplit(".", 1)[-1] for name in f.functions) for f in lint_codes(snap, "DASH040")
    )


def test_two_callback_cycle_and_cycles_through_allow_duplicate_and_set_props(single_bad):
    assert cycles_named(single_bad) == [
        ["lower_low", "raise_high"],
        ["pull_left", "push_right"],
        ["to_celsius", "to_fahrenheit"],
    ]


def test_cycle_across_pages():
    assert cycles_named(probed("outputs_and_cycles/pages_app")) == [
        ["boxes_from_units", "units_from_boxes"],
    ]


def test_cycles_through_match_ids_and_matching_concrete_ids():
    assert cycles_named(probed("outputs_and_cycles/patterns_app")) == [
        ["amount_from_price", "price_from_amount"],
        ["best_score", "seed_first_score"],
    ]


def test_self_loop_sync_and_state_back_edge_are_clean():
    assert cycles_named(probed("outputs_and_cycles/single_clean")) == []


def test_one_finding_per_loop_naming_every_callback():
    snap = snapshot(
        callback(0, ["a.value"], ["b.value"]),
        callback(1, ["b.value"], ["c.value"]),
        callback(2, ["c.value"], ["a.value"]),
        callback(3, ["c.value"], ["d.value"]),
    )
    (finding,) = lint_codes(snap, "DASH040")
    assert finding.callbacks == (0, 1, 2)
    assert set(finding.properties) == {"a.value", "b.value", "c.value"}


def test_noqa_on_any_callback_of_the_loop_suppresses_it():
    source = "@app.callback(Output('b', 'value'), Input('a', 'value'))  # noqa: DASH040\ndef f(a):\n    return a\n"
    snap = snapshot(
        callback(0, ["a.value"], ["b.value"]),
        callback(1, ["b.value"], ["a.value"], source=source, def_line=12),
    )
    assert lint_codes(snap, "DASH040") == []


@pytest.mark.parametrize("internal", [True, False])
def test_loops_of_internal_callbacks_only_are_not_reported(internal):
    snap = snapshot(
        callback(0, ["a.value"], ["b.value"], internal=True),
        callback(1, ["b.value"], ["a.value"], internal=internal),
    )
    assert len(lint_codes(snap, "DASH040")) == (0 if internal else 1)


def test_two_callbacks_reading_and_writing_one_property_are_a_loop():
    """The smallest loop: one property both read and (allow_duplicate) write; the callback
    graph's component is three nodes, which the loop pre-filter must keep."""
    snap = snapshot(
        callback(0, ["p.value"], dup=["p.value"]),
        callback(1, ["p.value"], dup=["p.value"]),
    )
    (finding,) = lint_codes(snap, "DASH040")
    assert finding.callbacks == (0, 1)


def test_the_message_names_the_properties_that_carry_the_loop():
    """One helper called for many components makes loops of the same functions at the same
    decorator lines; only the properties tell their findings apart."""
    snap = snapshot(
        callback(0, ["a1.value"], ["b1.value"], line=5), callback(1, ["b1.value"], ["a1.value"], line=9),
        callback(2, ["a2.value"], ["b2.value"], line=5), callback(3, ["b2.value"], ["a2.value"], line=9),
    )
    messages = [f.message for f in lint_codes(snap, "DASH040")]
    assert [m.split(" via ")[1] for m in messages] == ["'a1'.value, 'b1'.value", "'a2'.value, 'b2'.value"]
