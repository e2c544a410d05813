"""DASH001 duplicate-output on real apps run through the probe, and on hand-made edge cases."""

from __future__ import annotations

import pytest
from snapshot_factory import ALL, MATCH, callback, lint_codes, probed, snapshot


@pytest.fixture(scope="session")
def single_bad():
    return probed("outputs_and_cycles/single_bad")


def dash001(snap):
    return [f for f in lint_codes(snap, "DASH001")]


def test_every_writer_is_listed_clientside_included(single_bad):
    (finding,) = [f for f in dash001(single_bad) if "total.children" in f.properties]
    names = [name.rsplit(".", 1)[-1] for name in finding.functions]
    assert names[:2] == ["add_item", "clear_items"]
    assert any(name.startswith("clientside:") for name in finding.functions)
    assert "app.also_total" in finding.functions  # the allow_duplicate writer is listed too
    assert finding.file == "app.py" and finding.line == 26
    assert finding.severity == "error"


def test_noqa_on_decorator_line_or_def_line_suppresses(single_bad):
    props = {p for f in dash001(single_bad) for p in f.properties}
    assert "status.children" not in props and "banner.children" not in props


def test_duplicate_across_pages_of_a_multi_page_app():
    (finding,) = dash001(probed("outputs_and_cycles/pages_app"))
    assert finding.properties == ("shared.data",)
    assert sorted(finding.functions) == ["pages.orders.record_order", "pages.stock.record_restock"]


def test_overlapping_wildcard_outputs():
    (finding,) = dash001(probed("outputs_and_cycles/patterns_app"))
    assert [f.rsplit(".", 1)[-1] for f in finding.functions] == ["clear_labels", "first_label"]


def test_plain_plus_allow_duplicate_is_clean():
    assert dash001(probed("outputs_and_cycles/single_clean")) == []


def test_callbacks_of_different_apps_never_clash():
    snap = probed("outputs_and_cycles/multi_app")
    assert len({cb.app for cb in snap.callbacks if not cb.internal}) == 2
    assert dash001(snap) == []


@pytest.mark.parametrize(
    "first, second, clashes",
    [
        (({"t": "row", "i": MATCH}, "v"), ({"t": "row", "i": 3}, "v"), True),
        (({"t": "row", "i": ALL}, "v"), ({"t": "row", "i": MATCH}, "v"), True),
        (({"t": "row", "i": 1}, "v"), ({"t": "row", "i": 1}, "v"), True),
        (({"t": "row", "i": 1}, "v"), ({"t": "row", "i": 2}, "v"), False),
        (({"t": "row", "i": ALL}, "v"), ({"t": "row", "i": ALL}, "style"), False),
        (({"t": "row", "i": ALL}, "v"), ({"t": "cell", "i": ALL}, "v"), False),
        ("a.value", "a.value", True),
        ("a.value", "b.value", False),
    ],
)
def test_pattern_overlap_cases(first, second, clashes):
    snap = snapshot(callback(0, ["x.n_clicks"], [first]), callback(1, ["y.n_clicks"], [second]))
    assert bool(dash001(snap)) is clashes


def test_only_allow_duplicate_writers_and_one_callbacks_own_outputs_are_clean():
    snap = snapshot(
        callback(0, ["x.n_clicks"], dup=["t.children"]),
        callback(1, ["y.n_clicks"], dup=["t.children"]),
        callback(2, ["z.n_clicks"], ["u.children", "w.children"]),
    )
    assert dash001(snap) == []


def test_internal_callbacks_are_skipped_and_dropped_ones_count():
    snap = snapshot(
        callback(0, ["x.n_clicks"], ["t.children"], dropped=True),
        callback(1, ["y.n_clicks"], ["t.children"]),
        callback(2, ["z.n_clicks"], ["u.children"], internal=True),
        callback(3, ["w.n_clicks"], ["u.children"]),
    )
    (finding,) = dash001(snap)
    assert finding.callbacks == (0, 1)


def test_one_callback_listing_an_output_twice(tmp_path):
    """Dash's server takes it; the renderer refuses it only in debug mode."""
    from analysis.probe.runner import snapshot_target

    app = tmp_path / "app.py"
    app.write_text(
        "from dash import Dash, Input, Output, html\n\n"
        "app = Dash(__name__)\n"
        "app.layout = html.Div([html.Button(id='go'), html.Div(id='out'), html.Div(id='n')])\n\n\n"
        "@app.callback(Output('out', 'children'), Output('n', 'children'),\n"
        "              Output('out', 'children'), Input('go', 'n_clicks'),\n"
        "              prevent_initial_call=True)\n"
        "def show(n):\n"
        "    return n, n, n\n\n\n"
        "@app.callback(Output('n', 'title'), Input('go', 'n_clicks'), prevent_initial_call=True)\n"
        "def title(n):\n"
        "    return str(n)\n"
    )
    (finding,) = lint_codes(snapshot_target(str(app)), "DASH001")
    assert finding.functions == ("app.show",) and finding.properties == ("out.children",)
    assert finding.line == 7


def test_dash001_message_lists_ten_writers_and_the_finding_keeps_all():
    """Issue 13: a message naming 2,000 writers is unreadable; the data keeps every one."""
    from snapshot_factory import callback, lint_codes, snapshot

    (finding,) = lint_codes(snapshot(*(callback(i, [f"in{i}.value"], ["total.children"])
                                       for i in range(25))), "DASH001")
    assert finding.callbacks == tuple(range(25))
    assert finding.message.endswith("and 15 more") and "is an Output of 25 callbacks" in finding.message
