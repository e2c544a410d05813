"""The callback graph: nodes, edges, pattern matching, queries and SCC-based cycles."""

from __future__ import annotations

from snapshot_factory import ALL, ALLSMALLER, MATCH, callback, snapshot

from analysis.graph import (
    build_graph, callback_index, callback_node, cycles, downstream, property_node, upstream, writers,
)
from analysis.patterns import ids_overlap
from analysis.source.python import parse_function, set_props_targets


def names(groups):
    return [[cb.function for cb in group] for group in groups]


def test_nodes_and_edges_carry_their_kinds():
    g = build_graph(snapshot(callback(0, ["a.value"], ["b.children"], states=["c.data"])))
    assert g.nodes["cb:0"]["kind"] == "callback" and g.nodes["cb:0"]["callback"].index == 0
    assert g.nodes["prop:a.value"]["kind"] == "property"
    assert g.nodes["prop:a.value"]["component"] == "a" and g.nodes["prop:a.value"]["property"] == "value"
    assert g.edges["prop:a.value", "cb:0"]["kind"] == "input"
    assert g.edges["prop:c.data", "cb:0"]["kind"] == "state"
    assert g.edges["cb:0", "prop:b.children"] == {"kind": "output", "allow_duplicate": False}


def test_allow_duplicate_output_is_the_same_property_node():
    g = build_graph(snapshot(callback(0, ["a.n_clicks"], ["t.children"]),
                             callback(1, ["b.n_clicks"], dup=["t.children"])))
    assert [n for n in g if n.startswith("prop:t")] == ["prop:t.children"]
    assert g.edges["cb:1", "prop:t.children"]["allow_duplicate"] is True
    assert [cb.index for cb in writers(g, "t.children")] == [0, 1]


def test_ids_overlap_follows_dash_pattern_matching():
    assert ids_overlap({"t": "row", "i": MATCH}, {"t": "row", "i": 4})
    assert ids_overlap({"t": "row", "i": ALL}, {"t": "row", "i": MATCH})
    assert ids_overlap({"t": "row", "i": ALLSMALLER}, {"t": "row", "i": 2})
    assert not ids_overlap({"t": "row", "i": ALL}, {"t": "cell", "i": ALL})
    assert not ids_overlap({"t": "row", "i": ALL}, {"t": "row"})
    assert not ids_overlap({"t": "row", "i": 1}, {"t": "row", "i": 2})
    assert not ids_overlap({"t": "row", "i": True}, {"t": "row", "i": 1})
    assert not ids_overlap("row", {"t": "row"})


def test_match_edges_go_from_written_to_overlapping_read_properties():
    row_match, row_all, row_1 = ({"t": "row", "i": MATCH}, "v"), ({"t": "row", "i": ALL}, "v"), ({"t": "row", "i": 1}, "v")
    g = build_graph(snapshot(
        callback(0, [row_match], [({"t": "out", "i": MATCH}, "v")]),
        callback(1, ["x.value"], [row_1]),
        callback(2, [row_all], ["sum.children"]),
        callback(3, [({"t": "cell", "i": ALL}, "v")], ["other.children"]),
    ))
    match_edges = {(u, v) for u, v, k in g.edges(data="kind") if k == "match"}
    written_1 = property_node('{"i":1,"t":"row"}.v')
    assert (written_1, property_node('{"i":["MATCH"],"t":"row"}.v')) in match_edges
    assert (written_1, property_node('{"i":["ALL"],"t":"row"}.v')) in match_edges
    assert not any("cell" in u or "cell" in v for u, v in match_edges)
    assert all(g.nodes[v]["kind"] == "property" for _, v in match_edges)
    assert [cb.index for cb in writers(g, '{"i":["ALL"],"t":"row"}.v')] == [1]


def test_set_props_targets_are_read_from_literal_calls():
    function = parse_function(
        "def f(n):\n"
        "    dash.set_props('msg', {'children': n})\n"
        "    set_props({'type': 'row', 'index': 1}, dict(style={}))\n"
        "    set_props(dynamic_id, {'children': 1})\n"
    )
    assert set_props_targets(function) == [("msg", "children"), ({"type": "row", "index": 1}, "style")]


def test_set_props_writes_become_edges():
    source = "@app.callback(Input('go', 'n_clicks'))\ndef f(n):\n    set_props('msg', {'children': 'hi'})\n"
    g = build_graph(snapshot(callback(0, ["go.n_clicks"], source=source, no_output=True)))
    assert g.edges["cb:0", "prop:msg.children"]["kind"] == "set_props"


def test_upstream_and_downstream_respect_depth():
    g = build_graph(snapshot(callback(0, ["a.value"], ["b.value"]), callback(1, ["b.value"], ["c.value"])))
    assert downstream(g, "prop:a.value", 1) == {"cb:0"}
    assert downstream(g, "prop:a.value", 3) == {"cb:0", "prop:b.value", "cb:1"}
    assert upstream(g, "prop:c.value", 10) == {"cb:1", "prop:b.value", "cb:0", "prop:a.value"}
    assert upstream(g, callback_node(0), 0) == set()


def test_two_callback_cycle_is_one_group():
    g = build_graph(snapshot(callback(0, ["a.value"], ["b.value"]), callback(1, ["b.value"], ["a.value"])))
    assert names(cycles(g)) == [["app.cb0", "app.cb1"]]


def test_cycle_closed_through_allow_duplicate_output():
    g = build_graph(snapshot(
        callback(0, ["a.value"], ["b.value"]),
        callback(1, ["b.value"], dup=["a.value"], prevent_initial_call=True),
        callback(2, ["z.n_clicks"], ["a.value"]),
    ))
    assert names(cycles(g)) == [["app.cb0", "app.cb1"]]


def test_cycle_closed_through_matching_pattern_ids():
    g = build_graph(snapshot(
        callback(0, [({"t": "in", "i": MATCH}, "value")], [({"t": "out", "i": MATCH}, "value")]),
        callback(1, [({"t": "out", "i": ALL}, "value")], [({"t": "in", "i": 0}, "value")]),
    ))
    assert names(cycles(g)) == [["app.cb0", "app.cb1"]]


def test_single_callback_sync_and_state_back_edges_are_not_cycles():
    g = build_graph(snapshot(
        callback(0, ["slider.value", "box.value"], ["slider.value", "box.value"]),
        callback(1, ["box.value"], ["label.children"]),
        callback(2, ["label.children"], ["note.children"], states=["note.children"]),
        callback(3, ["note.children"], ["x.data"], states=["label.children"]),
    ))
    assert cycles(g) == []


def test_match_edges_do_not_chain_into_false_cycles():
    row = lambda i: ({"t": "row", "i": i}, "v")  # noqa: E731
    g = build_graph(snapshot(
        callback(0, ["start.value"], [row(1)]),     # writes row 1
        callback(1, [row(ALL)], ["unrelated.data"]),  # reads every row
        callback(2, ["x.value"], [row(ALL)]),       # writes every row (so ALL is "written")
        callback(3, [row(2)], ["start.value"]),     # reads row 2 only: row 1 never reaches it
    ))
    assert cycles(g) == []


def test_callbacks_of_different_apps_never_form_a_cycle():
    g = build_graph(snapshot(
        callback(0, ["a.value"], ["b.value"], app="one:app"),
        callback(1, ["b.value"], ["a.value"], app="two:app"),
        apps=("one:app", "two:app"),
    ))
    assert cycles(g) == []


def test_dense_graph_gives_one_group_without_enumerating_cycles():
    # 60 callbacks each reading every other one's output: astronomically many simple cycles.
    count = 60
    cbs = [
        callback(i, [f"p{j}.value" for j in range(count) if j != i], [f"p{i}.value"])
        for i in range(count)
    ]
    groups = cycles(build_graph(snapshot(*cbs)))
    assert len(groups) == 1 and len(groups[0]) == count


def test_documented_examples_hold():
    import doctest

    import analysis.settings
    import analysis.graph
    import analysis.lint
    import analysis.patterns
    import analysis.reporters.github
    import analysis.reporters.sarif
    import analysis.reporters.text

    for module in (analysis.graph, analysis.patterns, analysis.settings, analysis.lint,
                   analysis.reporters.text, analysis.reporters.github, analysis.reporters.sarif):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_a_callback_key_reads_back_to_its_index_and_nothing_else_does():
    assert [callback_index(callback_node(i)) for i in (0, 7, 1234)] == [0, 7, 1234]
    for key in (property_node("a.value"), property_node("cb.value"), "comp:cb", "cb:", "cb:x", "cb"):
        assert callback_index(key) is None
