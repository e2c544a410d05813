"""DASH091 return-arity-mismatch on the bad fixture app and on hand-made return statements."""

from __future__ import annotations

import pytest

from snapshot_factory import (
    BAD_APP, functions_per_finding, probed, reported_names, server, snapshot_with_layout,
)


def test_bad_app_names_exactly_the_broken_callbacks() -> None:
    assert functions_per_finding(probed(BAD_APP), "DASH091") == [("update_panels",)]


TWO_OUTPUTS = ("a.children", "b.children")


@pytest.mark.parametrize(
    ("body", "decorator", "bad"),
    [
        ("return 1, 2", "", False),
        ("return [1, 2]", "", False),
        ("return no_update", "", False),
        ("return [no_update] * 2", "", False),
        ("return values", "", False),
        ("return (*values,)", "", False),
        ("def inner():\n        return 1, 2, 3\n    return inner(), 2", "", False),
        ("return 1, 2, 3", "", True),
        ("if n:\n        return [1]\n    return 1, 2", "", True),
        ("return 1, (2, 3)", "@callback(output=[Output('a', 'x'), [Output('b', 'y'), Output('c', 'z')]], inputs=Input('n', 'v'))\n", False),
        ("return 1, 2, 3", "@callback(dict(a=Output('a', 'x'), b=Output('b', 'y')), Input('n', 'v'))\n", False),
    ],
)
def test_multi_output_return_lengths(body, decorator, bad) -> None:
    source = f"{decorator}def f(n, values=()):\n    {body}"
    callback = server(0, source, ["n.value"], outputs=TWO_OUTPUTS, multi_output=True)
    assert reported_names("DASH091", snapshot_with_layout(callback)) == (["f"] if bad else [])


def test_single_output_may_return_a_list() -> None:
    callback = server(0, "def f(n):\n    return [1, 2, 3]", ["n.value"])
    assert reported_names("DASH091", snapshot_with_layout(callback)) == []
