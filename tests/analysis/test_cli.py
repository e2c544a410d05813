"""The command line, run for real: the probe on fixture apps, formats, exit codes, errors."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from snapshot_factory import OUTPUTS_AND_CYCLES as APPS

from analysis.cli import lint_parser, main
from analysis.lint import LintSettings, lint
from analysis.reporters import FORMATS, Report, render
from analysis.rules import all_rules
from analysis.snapshot import load_snapshot
from paths import REPO

MINE = "DASH001,DASH040"


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """``python -m analysis ARGS`` in a child process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], cwd=cwd, capture_output=True, text=True,
        timeout=120, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )


def run_main(*args: str) -> subprocess.CompletedProcess:
    """The same command line in this process (no target code runs: snapshots and rules only)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="session")
def bad_run(tmp_path_factory):
    """One real probe run of the bad single-file app, saving its snapshot."""
    saved = tmp_path_factory.mktemp("cli") / "nested" / "snap.json"
    result = run(str(APPS / "single_bad" / "app.py"), "--format", "json", "--select", MINE,
                 "--save-snapshot", str(saved))
    return result, saved


def test_findings_exit_1_with_the_json_shape(bad_run):
    result, _ = bad_run
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1 and data["target"].endswith("app.py")
    # 3: the allow_duplicate loop is not a finding since DASH040 follows Dash (docs/loops.md)
    assert data["summary"]["callbacks"] == 14 and data["summary"]["findings"] == 3
    assert sorted(f["code"] for f in data["findings"]) == ["DASH001", "DASH040", "DASH040"]
    app = (APPS / "single_bad" / "app.py").relative_to(REPO).as_posix()  # run from REPO
    assert all(f["file"] == app and f["line"] and f["functions"] for f in data["findings"])


def test_save_snapshot_writes_a_loadable_file_atomically(bad_run):
    _, saved = bad_run
    assert len(load_snapshot(saved).callbacks) >= 14
    assert [p.name for p in saved.parent.iterdir()] == ["snap.json"]  # no temp file left


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_every_format_from_a_saved_snapshot(bad_run, fmt):
    _, saved = bad_run
    result = run_main("--snapshot", str(saved), "--format", fmt, "--select", MINE)
    assert result.returncode == 1, result.stderr
    if fmt == "text":
        assert result.stdout.splitlines()[-1] == "Found 3 findings (3 errors, 0 warnings)."
    elif fmt == "github":
        assert all(line.startswith("::error file=") for line in result.stdout.splitlines())
    else:
        data = json.loads(result.stdout)
        assert len(data["findings"] if fmt == "json" else data["runs"][0]["results"]) == 3


def paths_named(output: str, fmt: str) -> list[str]:
    """The file each finding of a report points at, read back from one format."""
    if fmt == "text":
        return [line.rsplit(": DASH", 1)[0].rsplit(":", 1)[0] for line in output.splitlines()[:-1]]
    if fmt == "github":
        return [re.search(r"file=([^,]+),", line).group(1) for line in output.splitlines()]
    if fmt == "markdown":
        rows = [line for line in output.splitlines() if line.startswith("| error |")]
        return [row.split(" | ")[3].strip("`").rsplit(":", 1)[0] for row in rows]
    data = json.loads(output)
    if fmt == "json":
        return [f["file"] for f in data["findings"]]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in data["runs"][0]["results"]]
    return [unquote(uri.removeprefix("file://")) for uri in uris]


@pytest.mark.parametrize("where", ["project", "parent", "elsewhere"])
def test_every_format_names_files_the_same_way_relative_to_the_current_directory(
        bad_run, where, tmp_path):
    """Like ruff: below the current directory a relative path, else the full one; the same
    string in every format, so a click in a terminal, an editor or CI opens the file."""
    _, saved = bad_run
    project = APPS / "single_bad"
    cwd, expected = {"project": (project, "app.py"),
                     "parent": (APPS, "single_bad/app.py"),
                     "elsewhere": (tmp_path, (project / "app.py").as_posix())}[where]
    for fmt in FORMATS:
        result = run("--snapshot", str(saved), "--format", fmt, "--select", MINE, cwd=cwd)
        assert result.returncode == 1, result.stderr
        assert paths_named(result.stdout, fmt) == [expected] * 3, fmt


def test_the_cli_accepts_exactly_the_registry_formats(bad_run):
    _, saved = bad_run
    (option,) = [action for action in lint_parser()._actions if action.dest == "format"]
    assert tuple(option.choices) == tuple(FORMATS)
    refused = run_main("--snapshot", str(saved), "--format", "xml")
    assert refused.returncode == 2
    assert all(repr(name) in refused.stderr.splitlines()[0] for name in FORMATS)


@pytest.mark.parametrize("name", list(FORMATS))
def test_the_cli_prints_the_registry_render(bad_run, name):
    _, saved = bad_run
    result = run_main("--snapshot", str(saved), "--format", name, "--select", MINE)
    assert result.returncode == 1, result.stderr
    snapshot = load_snapshot(saved)
    findings = tuple(lint(snapshot, LintSettings(select=tuple(MINE.split(",")))))
    assert result.stdout == render(Report(snapshot, findings), name)


def test_markdown_from_a_real_run():
    result = run(str(APPS / "single_clean"), "--format", "markdown", "--select", MINE)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# Dash callback report: ") and lines[0].endswith("single\\_clean")
    assert "- Callbacks: 6" in lines and lines[-1] == "No findings."


def test_markdown_of_findings_has_a_row_each(bad_run):
    _, saved = bad_run
    result = run_main("--snapshot", str(saved), "--format", "markdown", "--select", MINE)
    assert result.returncode == 1, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| error | DASH0")]
    assert sorted(row.split(" | ")[1].split()[0] for row in rows) == [
        "DASH001", "DASH040", "DASH040"]


def test_ignore_and_select_change_the_exit_code(bad_run):
    _, saved = bad_run
    assert run_main("--snapshot", str(saved), "--select", "DASH001", "--ignore", "DASH001").returncode == 0
    result = run_main("--snapshot", str(saved), "--select", "DASH04", "--format", "json")
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == {"DASH040"}


def test_clean_app_exits_0():
    result = run(str(APPS / "single_clean"), "--select", MINE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"Using {sys.executable} (this tool's own)",
                                          "All checks passed (6 callbacks)."]


def test_pyproject_of_the_target_project_is_read(tmp_path):
    shutil.copy(APPS / "single_bad" / "app.py", tmp_path / "app.py")
    (tmp_path / "pyproject.toml").write_text('[tool.dash-callback-explorer]\nselect = ["DASH001"]\n')
    result = run(str(tmp_path), "--format", "json")
    assert result.returncode == 1, result.stderr
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == {"DASH001"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["no/such/app.py"], "does not exist"),
        (["--snapshot", "no-such.json"], "cannot read snapshot"),
        (["--snapshot", "x.json", "app.py"], "not both"),
        (["--snapshot", "x.json", "--select", "DASH999"], "unknown rule code"),
        (["rule", "DASH999"], "unknown rule"),
    ],
)
def test_errors_exit_2_with_one_line(args, message):
    result = run_main(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and message in result.stderr.splitlines()[0]


def test_target_error_in_a_real_run_has_no_traceback():
    result = run("no/such/app.py")
    assert result.returncode == 2 and result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr


def test_rules_lists_the_catalog():
    result = run_main("rules")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "summary"]
    assert [line.split()[0] for line in lines[1:]] == [r.code for r in all_rules()]


def test_rules_lists_which_rules_are_off_by_default():
    listed = {line.split()[0]: line for line in run_main("rules").stdout.splitlines()[1:]}
    assert listed["DASH020"].endswith("(off by default: --select DASH020)")
    assert "off by default" not in listed["DASH023"]
    rows = {row["code"]: row for row in json.loads(run_main("rules", "--format", "json").stdout)}
    assert rows["DASH020"]["default"] is False and rows["DASH023"]["default"] is True
    assert "Off by default: enable with `--select DASH020`" in run_main("rule", "DASH020").stdout


def test_rules_lists_the_runtime_rules_as_needing_a_run():
    listed = {line.split()[0]: line for line in run_main("rules").stdout.splitlines()[1:]}
    for code in ("RUNTIME001", "RUNTIME002", "RUNTIME003"):
        assert listed[code].endswith("(needs a run: the live overlay and the live plugin's "
                                     "page report it, never a lint)"), code
    assert "needs a run" not in listed["DASH040"]
    rows = {row["code"]: row for row in json.loads(run_main("rules", "--format", "json").stdout)}
    assert rows["RUNTIME001"]["needs_run"] is True and rows["DASH040"]["needs_run"] is False
    explained = run_main("rule", "RUNTIME001").stdout
    assert explained.startswith("# fires-repeatedly (RUNTIME001)")
    assert "Needs a run: the live overlay" in explained and "## Example" in explained


def test_a_lint_accepts_the_runtime_codes_and_never_reports_them(bad_run):
    _, saved = bad_run
    chosen = run_main("--snapshot", str(saved), "--select", "RUNTIME,DASH040")
    assert chosen.returncode == 1 and "DASH040" in chosen.stdout
    assert "RUNTIME0" not in chosen.stdout
    assert run_main("--snapshot", str(saved), "--select", "RUNTIME").returncode == 0
    assert "unknown rule code" in run_main("--snapshot", str(saved), "--ignore", "RUNTIME9").stderr


def test_an_opt_in_rule_runs_only_when_the_command_line_selects_it():
    app = "tests/apps/runtime/returns_app.py"
    plain = json.loads(run(app, "--format", "json").stdout)["findings"]
    selected = json.loads(run(app, "--format", "json", "--select", "DASH020").stdout)["findings"]
    assert "DASH020" not in {f["code"] for f in plain}
    assert not {"DASH020", "DASH022"} & {f["code"] for f in plain}  # both opt-in
    assert {f["code"] for f in selected} == {"DASH020"}


def test_rule_prints_the_full_rationale():
    for code in ("DASH001", "dash040", "multi-callback-cycle"):
        result = run_main("rule", code)
        assert result.returncode == 0
        for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
            assert section in result.stdout


def test_pre_commit_hook_runs_this_cli():
    text = (REPO / ".pre-commit-hooks.yaml").read_text()
    hook = dict(
        line.strip().lstrip("- ").split(": ", 1) for line in text.splitlines()
        if ": " in line and not line.lstrip().startswith("#")
    )
    assert hook["id"] == "dash-callback-explorer"
    assert hook["pass_filenames"] == "false" and hook["language"] == "python"
    # pre-commit installs this package: the entry is its console command (run for real by
    # tests/test_pre_commit.py)
    assert f'{hook["entry"]} = "explorer.command:main"' in (REPO / "pyproject.toml").read_text()


@pytest.mark.parametrize("code", [rule.code for rule in all_rules()])
def test_rule_works_for_every_code(code):
    result = run_main("rule", code)
    assert result.returncode == 0
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert section in result.stdout


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_a_report_that_cannot_be_written_is_an_error_not_success(unbuffered):
    """``python -m analysis`` exits without interpreter teardown: a lost report (a full disk)
    must still say so and exit 2, whether the write or the final flush fails."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "analysis", "rule", "DASH001"],
                              cwd=REPO, stdout=full,
                              stderr=subprocess.PIPE, text=True, env=env, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and "No space left on device" in done.stderr


def test_a_closed_stdout_still_gets_the_exit_code_of_the_error():
    done = subprocess.run(f"{sys.executable} -m analysis /nonexistent/app.py >&-", shell=True,
                          cwd=REPO, stderr=subprocess.PIPE,
                          text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.startswith("error: ")
