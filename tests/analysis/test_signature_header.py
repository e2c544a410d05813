"""DASH090 reads each callback's ``def`` header alone: the same findings as the full parse."""

from __future__ import annotations

import ast

import pytest

from analysis.context import LintContext
from analysis.lint import LintSettings, lint
from analysis.source.python import parse_function, parse_signature
from snapshot_factory import server, snapshot_with_layout

#: Headers of every shape the rule reads, each with a body that is not a one-liner.
HEADERS = [
    "def f{n}(a, b):",
    "def f{n}(a,\n        b, c=None,\n        *rest, scale=1, **kw):",
    "async def f{n}(a, /, b, *, c):",
    "@lru_cache(maxsize=None)\ndef f{n}(a):",
    "@callback(Output('o', 'children'),\n          Input('i', 'value'),  # a comment: def x(\n"
    "          State('s', 'data'))\n@cache\ndef f{n}(value, limit) -> dict:",
    "@callback(Output('o', 'children'), Input('i', 'value'))\ndef f{n}(value):  # noqa\n",
    "@app.callback(\n    Output('o', 'children'),\n    Input('i', 'value'),\n)\n"
    "def f{n}(\n    value,\n    extra,\n):",
    "@some.wrapper\ndef f{n}(*values):",
    "def f{n}(self, value):",
    "def f{n}(a, b=lambda x: {{'k': x}}, c='):'):",
]
BODIES = [
    "    return a\n",
    '    """Doc: def g(x): with a colon."""\n    if a:\n        set_props("n", {{"children": a}})\n'
    "    return [a]\n",
    "    def inner(b):\n        return b\n    return inner(1)\n",
    "    return (1 +\n  2)\n",  # continuation below the def's indent: fine in brackets
    "    x = = 1\n",  # does not parse: the full parse gives nothing, so no finding
]
ONE_LINERS = ["def f{n}(a): return a", "@cache\ndef f{n}(a, b): return a + b"]


def _sources() -> list[str]:
    found = [f"{head}\n{body}".format(n=i) for i, (head, body) in
             enumerate((h, b) for h in HEADERS for b in BODIES)]
    found += [one.format(n=len(found) + i) for i, one in enumerate(ONE_LINERS)]
    found += ["    " + line for line in found[:5]]  # recorded inside a class or function
    return found


def _header(node: ast.AST | None) -> str | None:
    if node is None:
        return None
    return ast.dump(ast.Module([ast.FunctionDef(node.name, node.args, [], node.decorator_list,
                                                node.returns)], []))


@pytest.mark.parametrize("source", _sources())
def test_header_says_what_the_full_parse_says(source: str) -> None:
    header, whole = parse_signature(source), parse_function(source)
    if header is None:  # no header alone: the caller parses the whole
        return
    assert [type(s) for s in header.body] == [ast.Pass]
    if whole is not None:
        assert _header(header) == _header(whole)
        assert type(header) is type(whole)


def test_one_line_def_has_no_header_alone() -> None:
    assert parse_signature("def f(a): return a") is None
    assert parse_signature("@cache\ndef f(a): return a") is None
    assert parse_signature("x = 1") is None


def _big_snapshot(n: int = 1500):
    sources = _sources()
    arities = [(["x.value"], []), (["x.value", "y.value"], ["z.data"]), ([], ["z.data"]),
               (["x.value", "y.value"], [])]
    callbacks = []
    for index in range(n):
        source = sources[index % len(sources)]
        inputs, states = arities[(index // len(sources)) % len(arities)]
        callbacks.append(server(index, source.replace("def f", f"def g{index}_", 1),
                                inputs, states, outputs=(f"o{index}.children",)))
    return snapshot_with_layout(*callbacks)


def test_lint_findings_equal_full_parse_of_every_callback(monkeypatch) -> None:
    """The rule on headers against the rule on full parses (what it read before): the same
    findings on 1,500 callbacks of every header shape, mismatching ones included."""
    snap = _big_snapshot()
    settings = LintSettings(select=("ALL",))
    headers = lint(snap, settings)
    assert sum(f.code == "DASH090" for f in headers) > 200  # the rule has work to do
    monkeypatch.setattr(LintContext, "signature", LintContext.function)
    assert lint(snap, settings) == headers
