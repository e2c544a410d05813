"""DASH040 multi-callback-cycle on real apps run through the probe, and hand-made edge cases."""

from __future__ import annotations

import pytest

from analysis.probe.runner import snapshot_target
from paths import TESTS
from snapshot_factory import callback, lint_codes, probed, snapshot

LOOP_APPS = TESTS / "browser" / "loop_apps"


def probed_file(path):
    return snapshot_target(str(path))


@pytest.fixture(scope="session")
def single_bad():
    return probed("outputs_and_cycles/single_bad")


def cycles_named(snap):
    return sorted(
        sorted(name.rsplit(".", 1)[-1] for name in f.functions) for f in lint_codes(snap, "DASH040")
    )


def test_two_callback_cycle_and_cycle_through_set_props_but_not_through_allow_duplicate(single_bad):
    """raise_high/lower_low close their loop with an allow_duplicate Output: Dash 4.4.1 runs
    each once and stops (tests/browser/test_loop_shapes.py, shape b), so it is not reported
    since issue 11; the set_props loop re-fires without end and the plain one is refused."""
    assert cycles_named(single_bad) == [
        ["pull_left", "push_right"],
        ["to_celsius", "to_fahrenheit"],
    ]
    messages = {f.functions[0].rsplit(".", 1)[-1]: f.message for f in lint_codes(single_bad, "DASH040")}
    assert "closed by set_props, which Dash re-runs without end" in messages["push_right"]
    assert "in a loop: `to_celsius`" in messages["to_celsius"]


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


def test_callbacks_reading_and_allow_duplicate_writing_one_store_are_not_a_loop():
    """The configurator (docs/loops.md shape c): each reads a store as Input and writes it with
    allow_duplicate; the renderer drops a callback already in its own chain, so this stops."""
    snap = snapshot(
        callback(0, ["p.value"], dup=["p.value"]),
        callback(1, ["p.value"], dup=["p.value"]),
    )
    assert lint_codes(snap, "DASH040") == []


def test_the_same_store_written_without_allow_duplicate_is_a_loop():
    """The smallest loop Dash refuses: one property read and written plainly by two callbacks
    (the callback graph's component is three nodes, which the loop pre-filter must keep)."""
    snap = snapshot(
        callback(0, ["p.value"], ["p.value"]),
        callback(1, ["p.value"], ["q.value"]),
        callback(2, ["q.value"], ["p.value"]),
    )
    (finding,) = lint_codes(snap, "DASH040")
    assert finding.callbacks == (0, 1, 2)


#: Each loop shape measured in the browser (tests/browser/test_loop_shapes.py, docs/loops.md),
#: and whether DASH040 reports it: only what Dash refuses at load or re-runs without end.
LOOP_SHAPES = {
    "plain_loop": True,  # refused at load
    "guarded_loop": True,  # refused at load: a no_update guard changes nothing
    "match_loop": True,  # refused at load
    "all_loop": True,  # refused at load
    "set_props_loop": True,  # re-fires until something raises PreventUpdate
    "allow_duplicate_loop": False,  # runs once and stops
    "configurator_input": False,  # bounded, then stops (DASH041 warns instead)
    "configurator_guarded": False,  # each callback once
    "configurator_state": False,  # no loop: State never triggers
    "state_closed_loop": False,  # no loop
    "self_loop": False,  # one callback (DASH041's business)
}


@pytest.mark.parametrize("shape", sorted(LOOP_SHAPES))
def test_reported_exactly_for_the_loop_shapes_dash_does_not_handle(shape):
    reported = lint_codes(probed_file(LOOP_APPS / f"{shape}.py"), "DASH040")
    assert bool(reported) is LOOP_SHAPES[shape]


def test_every_measured_loop_shape_is_classified():
    shapes = {p.stem for p in LOOP_APPS.glob("*.py")} - {"loop_scaffold"}  # shared, not a shape
    assert shapes == set(LOOP_SHAPES)


def test_the_message_names_the_properties_that_carry_the_loop():
    """One helper called for many components makes loops of the same functions at the same
    decorator lines; only the properties tell their findings apart."""
    snap = snapshot(
        callback(0, ["a1.value"], ["b1.value"], line=5), callback(1, ["b1.value"], ["a1.value"], line=9),
        callback(2, ["a2.value"], ["b2.value"], line=5), callback(3, ["b2.value"], ["a2.value"], line=9),
    )
    messages = [f.message for f in lint_codes(snap, "DASH040")]
    assert [m.split(" via ")[1] for m in messages] == ["'a1'.value, 'b1'.value", "'a2'.value, 'b2'.value"]
