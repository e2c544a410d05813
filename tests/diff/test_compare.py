"""The comparison as plain functions over hand-made snapshots: which callback is which across
versions, what changed in it, dependencies, loops, findings by fingerprint."""

from __future__ import annotations

from dataclasses import replace

from snapshot_factory import callback, diff_side as side, snapshot

from analysis.diff.compare import compare, match_callbacks
from analysis.diff.model import ADDED, CHANGED, FIXED, FLAGS, NEW, REMOVED, SOURCE, UNCHANGED, WIRING


def statuses(diff) -> dict[str, tuple]:
    return {c.callback.function: (c.status, c.aspects) for c in diff.callbacks}


def test_the_same_project_reordered_and_shifted_has_no_changes():
    a, b = callback(0, ["x.value"], ["y.value"]), callback(1, ["y.value"], ["z.value"])
    moved = [replace(b, index=0, line=400), replace(a, index=1, line=900)]
    diff = compare(side(a, b), side(*moved))
    assert diff.callbacks == () and diff.dependencies == () and diff.cycles_introduced == ()


def test_added_removed_and_each_aspect_of_a_change():
    base = side(callback(0, ["a.value"], ["b.value"], function="app.kept", source="return 1"),
                callback(1, ["c.value"], ["d.value"], function="app.rewired"),
                callback(2, ["e.value"], ["f.value"], function="app.flagged"),
                callback(3, ["g.value"], ["h.value"], function="app.gone"))
    head = side(callback(0, ["a.value"], ["b.value"], function="app.kept", source="return 2"),
                callback(1, ["c.value", "k.value"], ["q.value"], function="app.rewired"),
                callback(2, ["e.value"], ["f.value"], function="app.flagged", background=True),
                callback(3, ["m.value"], ["n.value"], function="app.new"))
    diff = compare(base, head)
    assert statuses(diff) == {
        "app.kept": (CHANGED, (SOURCE,)), "app.rewired": (CHANGED, (WIRING,)),
        "app.flagged": (CHANGED, (FLAGS,)), "app.gone": (REMOVED, ()), "app.new": (ADDED, ())}
    deps = {(d.status, d.callback, d.kind, d.key) for d in diff.dependencies}
    assert (ADDED, "app.rewired", "input", "k.value") in deps
    assert (REMOVED, "app.rewired", "output", "d.value") in deps
    assert (ADDED, "app.rewired", "output", "q.value") in deps
    assert (REMOVED, "app.gone", "input", "g.value") in deps and len(deps) == 7


def test_a_renamed_function_with_the_same_outputs_is_the_same_callback():
    base = [callback(0, ["a.value"], ["b.value"], function="app.old")]
    head = [callback(0, ["a.value"], ["b.value"], function="app.new")]
    (pair,) = match_callbacks(base, head)
    assert pair == (base[0], head[0])


def test_outputs_shared_by_several_callbacks_fall_back_to_the_function():
    base = [callback(0, ["a.value"], ["t.children"], function="app.f"),
            callback(1, ["b.value"], ["t.children"], function="app.g")]
    head = [callback(0, ["b.value"], ["t.children"], function="app.g"),
            callback(1, ["a.value"], ["t.children"], function="app.f")]
    pairs = match_callbacks(base, head)
    assert sorted((o.function, n.function) for o, n in pairs) == [("app.f", "app.f"),
                                                                   ("app.g", "app.g")]


def test_generated_ids_do_not_make_a_change():
    base = side(callback(0, ["3fa8c-in.value"], ["3fa8c-out.value"]))
    head = side(callback(0, ["91b2e-in.value"], ["91b2e-out.value"]))
    assert compare(base, head).callbacks == ()


def test_a_new_loop_is_a_cycle_introduced_and_a_new_finding():
    plain = [callback(0, ["a.value"], ["b.value"], function="app.f")]
    loop = plain + [callback(1, ["b.value"], ["a.value"], function="app.g")]
    diff = compare(side(*plain), side(*loop))
    assert diff.cycles_introduced == (("app.f", "app.g"),) and diff.cycles_removed == ()
    assert [(c.status, c.finding.code) for c in diff.findings] == [(NEW, "DASH040")]
    back = compare(side(*loop), side(*plain))
    assert back.cycles_removed == (("app.f", "app.g"),) and back.new_findings == []
    assert [c.status for c in back.findings] == [FIXED]
    same = compare(side(*loop), side(*reversed(loop)))
    assert [c.status for c in same.findings] == [UNCHANGED] and same.cycles_introduced == ()


def test_a_side_s_own_graph_is_used_for_its_loops_not_built_again():
    """The hosted explorer hands over the graph its lint built (seconds at 12,000 callbacks)."""
    from analysis.graph import build_graph

    plain = [callback(0, ["a.value"], ["b.value"], function="app.f")]
    loop = plain + [callback(1, ["b.value"], ["a.value"], function="app.g")]
    head = side(*plain)
    given = replace(head, graph=build_graph(snapshot(*loop)))  # not the snapshot's: telling
    assert compare(side(*plain), given).cycles_introduced == (("app.f", "app.g"),)
    assert compare(side(*plain), head).cycles_introduced == ()
