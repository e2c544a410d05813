"""The lint runner: rule selection (codes, prefixes, pyproject), # noqa, order, config errors."""

from __future__ import annotations

from dataclasses import replace

import pytest
from snapshot_factory import callback, snapshot

from analysis.settings import LintSettings, find_pyproject, is_enabled, load_pyproject, merge
from analysis.errors import ConfigError
from analysis.lint import lint, noqa_codes
from analysis.snapshot import NoqaComment


def bad_snapshot(**extra):
    """Two DASH001 duplicates and one DASH040 loop."""
    return snapshot(
        callback(0, ["a.value"], ["b.value"], **extra),
        callback(1, ["b.value"], ["a.value"]),
        callback(2, ["x.n_clicks"], ["t.children", "a.value"]),
        callback(3, ["y.n_clicks"], ["t.children"]),
    )


def codes(findings):
    return sorted(f.code for f in findings)


def test_select_and_ignore_by_code_and_prefix():
    snap = bad_snapshot()
    assert codes(lint(snap, LintSettings(select=("DASH001", "DASH040")))) == ["DASH001", "DASH001", "DASH040"]
    assert codes(lint(snap, LintSettings(select=("DASH04",)))) == ["DASH040"]
    assert "DASH001" not in codes(lint(snap, LintSettings(ignore=("DASH00",))))
    assert codes(lint(snap, LintSettings(select=("DASH0",), ignore=("DASH0", "DASH01")))) == []


def test_more_specific_selector_wins():
    assert is_enabled("DASH001", LintSettings(select=("DASH001",), ignore=("DASH",)))
    assert not is_enabled("DASH001", LintSettings(select=("DASH",), ignore=("DASH001",)))
    assert is_enabled("DASH040", LintSettings(select=("ALL",)))


@pytest.mark.parametrize("settings", [LintSettings(select=("DASH999",)), LintSettings(ignore=("FOO",))])
def test_unknown_codes_are_config_errors(settings):
    with pytest.raises(ConfigError, match="unknown rule code"):
        lint(bad_snapshot(), settings)


def test_noqa_syntax():
    assert noqa_codes("x = 1") is None
    assert noqa_codes("@app.callback(  # NOQA") == {"*"}
    assert noqa_codes("def f():  # noqa:DASH001, DASH040") == {"DASH001", "DASH040"}
    assert noqa_codes("def f():  # noqa: dash040") == {"DASH040"}


def test_noqa_applies_to_its_codes_on_decorator_or_def_line():
    deco = "@app.callback(Output('b', 'value'))  # noqa: DASH040\ndef f(a):\n    pass\n"
    only_dup = "@app.callback(Output('b', 'value'))  # noqa: DASH001\ndef f(a):\n    pass\n"
    on_def = "@app.callback(\n    Output('b', 'value'),\n)\ndef f(a):  # noqa\n    pass\n"
    in_body = "@app.callback(Output('b', 'value'))\ndef f(a):\n    return a  # noqa\n"
    select = LintSettings(select=("DASH040",))
    assert lint(bad_snapshot(source=deco, def_line=2), select) == []
    assert codes(lint(bad_snapshot(source=only_dup, def_line=2), select)) == ["DASH040"]
    assert lint(bad_snapshot(source=on_def, def_line=4), select) == []
    assert codes(lint(bad_snapshot(source=in_body, def_line=2), select)) == ["DASH040"]


def test_noqa_recorded_in_the_snapshot_silences_the_callback_on_that_line():
    snap = snapshot(
        callback(0, ["x.n_clicks"], ["t.children"], kind="clientside", line=2),
        callback(1, ["y.n_clicks"], ["t.children"], line=5),
    )
    assert lint(snap, LintSettings(select=("DASH001",))) != []
    marked = replace(snap, noqa=(NoqaComment("app.py", 2, "# noqa: DASH001"),))
    assert lint(marked, LintSettings(select=("DASH001",))) == []
    other_code = replace(snap, noqa=(NoqaComment("app.py", 2, "# noqa: DASH040"),))
    assert lint(other_code, LintSettings(select=("DASH001",))) != []


def test_lint_reads_no_file_a_snapshot_names(tmp_path):
    # A snapshot is data: a hosted upload naming root="/dev", file="zero" must not make the
    # server read it, so a noqa that is only in the file (not recorded) does not count.
    (tmp_path / "app.py").write_text("x = 1\napp.clientside_callback(  # noqa: DASH001\n")
    snap = snapshot(
        callback(0, ["x.n_clicks"], ["t.children"], kind="clientside", line=2),
        callback(1, ["y.n_clicks"], ["t.children"], line=5),
    )
    snap = replace(snap, root=str(tmp_path))
    assert codes(lint(snap, LintSettings(select=("DASH001",)))) == ["DASH001"]
    devices = replace(snap, root="/dev", callbacks=tuple(
        replace(cb, file="zero") for cb in snap.callbacks))
    assert codes(lint(devices, LintSettings(select=("DASH001",)))) == ["DASH001"]


def test_findings_are_sorted_and_stable():
    snap = bad_snapshot()
    first = lint(snap, LintSettings(select=("DASH001", "DASH040")))
    assert first == lint(snap, LintSettings(select=("DASH001", "DASH040")))
    keys = [(f.file or "", f.line or 0, f.code) for f in first]
    assert keys == sorted(keys)


def test_internal_callbacks_are_not_linted():
    snap = snapshot(
        callback(0, ["a.value"], ["t.children"], internal=True),
        callback(1, ["b.value"], ["t.children"], internal=True),
    )
    assert lint(snap) == []


def test_pyproject_settings(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.dash-callback-explorer]\nselect = ["DASH0"]\nignore = ["dash040"]\n'
    )
    (tmp_path / "src").mkdir()
    found = find_pyproject(tmp_path / "src")
    assert found == tmp_path / "pyproject.toml"
    settings = load_pyproject(found)
    assert settings == LintSettings(select=("DASH0",), ignore=("DASH040",))
    assert merge(settings, ("DASH040",), ()).select == ("DASH040",)


@pytest.mark.parametrize(
    "body, problem",
    [
        ('[tool.dash-callback-explorer]\nselct = ["DASH001"]\n', "unknown key"),
        ('[tool.dash-callback-explorer]\nselect = [1]\n', "list of rule codes"),
        ("[tool.dash-callback-explorer\n", "invalid TOML"),
    ],
)
def test_bad_pyproject_is_a_config_error(tmp_path, body, problem):
    path = tmp_path / "pyproject.toml"
    path.write_text(body)
    with pytest.raises(ConfigError, match=problem):
        load_pyproject(path)


def test_pyproject_without_our_section_is_ignored(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_pyproject(tmp_path) is None or find_pyproject(tmp_path) != tmp_path / "pyproject.toml"


def test_rule_codes_from_module_names_match_the_rules_they_define() -> None:
    from analysis.rules import all_rules, rule_codes

    assert rule_codes() == tuple(rule.code for rule in all_rules())


# --- opt-in rules: only the default set runs unless selected (ruff's model) --------------------
def single_output_none():
    """A callback whose lone Output gets None when ``value`` is empty (DASH020, opt-in)."""
    from snapshot_factory import server

    return snapshot(server(0, "def show(value):\n    if value:\n        return value",
                           inputs=["libs.value"], outputs=["graph.figure"]))


def test_a_plain_lint_runs_only_the_default_rules():
    assert codes(lint(single_output_none())) == []
    assert codes(lint(single_output_none(), LintSettings(ignore=("DASH040",)))) == []


@pytest.mark.parametrize("select", [("DASH020",), ("DASH02",), ("DASH",), ("ALL",)])
def test_any_matching_selector_turns_an_opt_in_rule_on(select):
    assert codes(lint(single_output_none(), LintSettings(select=select))) == ["DASH020"]


def test_ignore_still_wins_over_a_broad_select_of_an_opt_in_rule():
    assert codes(lint(single_output_none(), LintSettings(select=("ALL",), ignore=("DASH020",)))) == []


def test_default_rules_keep_running_without_select():
    assert is_enabled("DASH022", LintSettings())
    assert not is_enabled("DASH020", LintSettings(), default=False)
    assert not is_enabled("DASH020", LintSettings(select=("DASH001",)), default=False)


def test_default_rules_parse_and_walk_only_the_bodies_they_can_flag():
    """A rule whose cheap test (the callback's Inputs, its body's text) rules a callback out
    neither parses nor walks it: on a plain dashboard only the ``set_props`` writers are
    walked (the graph needs their writes) and only DASH090 parses the rest (the signature).
    Walking every body was half of a 12,000-callback upload's lint (issue 13)."""
    from analysis.context import LintContext
    from benchmarks.adversarial import realistic

    plain = realistic(200)
    context = LintContext(plain)
    assert lint(plain, context=context) == []
    walked = {index for index, function in context._functions.items()
              if function is not None and "_memo__walks" in function.__dict__}
    assert walked == {cb.index for cb in plain.callbacks if "set_props(" in cb.source}
    assert 0 < len(walked) < len(plain.callbacks)
