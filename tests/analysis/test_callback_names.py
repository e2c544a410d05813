"""How callbacks are named to a reader: a clientside one by its JavaScript function, and
callbacks sharing a function told apart by what they write; fingerprints never change."""

from __future__ import annotations

from dataclasses import replace

import pytest
from snapshot_factory import callback, clientside, snapshot

from analysis.findings import Finding, fingerprint
from analysis.rules._naming import callback_label, callback_labels, told_apart
from analysis.snapshot import Callback, Snapshot
from analysis.source.javascript import js_function_name


@pytest.mark.parametrize("js, name", [
    ("function showTitle(n) { return n; }", "showTitle"),
    ("\n    // toggles the menu\n    function toggleNavbar(n, open) { return !open; }", "toggleNavbar"),
    ("async function load(n) { return n; }", "load"),
    ("const start = (n) => n", "start"),
    ("let start = n => n", "start"),
    ("var start = function (n) { return n; }", "start"),
    ("window.dash_clientside.ui = {resize: function (w) { return w; }}", "ui.resize"),
    ("window.dash_clientside.ui = {resize(w) { return w; }}", "ui.resize"),
    ("window.dash_clientside.ui.resize = (w) => w", "ui.resize"),
    ("function (n) { const inner = () => 1; return n; }", None),
    ("(n) => n", None),
    ("x.y = 3", None),
    ("", None),
    (None, None),
])
def test_the_js_function_name(js, name):
    assert js_function_name(js) == name


def test_a_clientside_callback_is_named_by_its_function_and_keeps_its_identity():
    named = clientside(0, "function showTitle(n) { return n; }")
    anonymous = clientside(1, "function (n) { return n; }")
    by_namespace = callback(2, kind="clientside", function="clientside:charts.resize")
    assert (named.name, anonymous.name, by_namespace.name) == ("showTitle", "js1",
                                                                "charts.resize")
    assert callback_label(named) == "`showTitle` (clientside)"
    assert callback(3).name == "cb3"  # a server callback: its function's short name
    # the fingerprint hashes the recorded function, which the name leaves alone
    finding = Finding("DASH020", "returns-none", "warning", "m", callbacks=(0,))
    before = fingerprint(finding, snapshot(replace(named, js_source="function (n) {}")))
    assert fingerprint(finding, snapshot(named)) == before


def test_callbacks_sharing_a_function_are_told_apart_by_their_outputs():
    steps = [callback(i, [f"s{i}.data"], [f"s{i + 1}.data"], function="app.step", line=24)
             for i in range(3)]
    names = told_apart([*steps, callback(3, outputs=["t.children"])])
    assert names == {0: "step → s1.data", 1: "step → s2.data", 2: "step → s3.data", 3: "cb3"}
    assert callback_labels(steps[:2]) == ("`step` (app.py:24, → s1.data), "
                                          "`step` (app.py:24, → s2.data)")
    twins = [callback(i, outputs=["t.children"], function="app.f") for i in range(2)]
    assert told_apart(twins) == {0: "f → t.children #0", 1: "f → t.children #1"}
    assert told_apart([callback(0, function="app.f"), callback(1, function="app.f",
                                                                outputs=["a.b", "c.d"])]) == {
        0: "f (no output)", 1: "f → a.b +1"}


def test_the_name_is_not_part_of_the_snapshot():
    named = clientside(0, "function showTitle(n) { return n; }")
    assert named.name == "showTitle"
    data = snapshot(named).to_dict()
    assert "_name" not in data["callbacks"][0]
    assert Snapshot.from_dict(data).callbacks[0] == named
    assert isinstance(named, Callback)
