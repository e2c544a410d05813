"""``python -m analysis diff`` for real: a git repository in a temporary folder with two
commits of a fixture project, every kind of change, every format, git checkouts cleaned up."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from diff_repo import CALLBACK_CHANGES, CYCLES_INTRODUCED, ENV, FINDING_CHANGES, SELECT, git, \
    saved_snapshots, two_commits

from analysis.cli import main
from analysis.findings import FINGERPRINT_VERSION
from explorer.command import main as console


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """Two commits: BASE, then HEAD (also the working tree)."""
    return two_commits(tmp_path_factory.mktemp("repo"))


def diff(repo: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m analysis diff ARGS`` run in the repository, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "analysis", "diff", *args, *SELECT], cwd=repo,
        capture_output=True, text=True, timeout=300, env=ENV,
    )


def untouched(repo: Path) -> None:
    """Only the user's working tree is left, unchanged, and nothing in the index."""
    assert git(repo, "status", "--porcelain") == ""
    assert len(git(repo, "worktree", "list").splitlines()) == 1
    assert not (repo / ".git" / "worktrees").exists() or not any((repo / ".git" / "worktrees").iterdir())


@pytest.fixture(scope="module")
def as_json(repo) -> dict:
    result = diff(repo, "git:HEAD~1", "app.py", "--format", "json")
    assert result.returncode == 1, result.stderr
    untouched(repo)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def snapshots(repo, tmp_path_factory) -> tuple[Path, Path]:
    """Both versions saved as snapshot files (the lint's --save-snapshot at each commit)."""
    return saved_snapshots(repo, tmp_path_factory.mktemp("snapshots"))


def in_process(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["diff", *args, *SELECT], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_json_names_every_kind_of_change(as_json):
    changes = {c["function"]: (c["status"], c["changed"]) for c in as_json["callbacks"]}
    assert changes == CALLBACK_CHANGES
    assert as_json["cycles_introduced"] == CYCLES_INTRODUCED
    findings = sorted((f["status"], f["code"]) for f in as_json["findings"])
    assert findings == FINDING_CHANGES
    deps = {(d["status"], d["function"], d["kind"], d["key"]) for d in as_json["dependencies"]}
    assert {("added", "app.rewire", "output", "r2.children"),
            ("removed", "app.rewire", "output", "r1.children"),
            ("removed", "app.gone", "input", "in2.value")} <= deps
    assert as_json["summary"]["findings_new"] == 1 and as_json["base"]["label"] == "git:HEAD~1"


def test_text_between_two_git_refs(repo):
    result = diff(repo, "git:HEAD~1", "git:HEAD", "--target", "app.py")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Comparing git:HEAD~1 -> git:HEAD"
    assert lines[1] == "Callbacks: 3 added, 1 removed, 3 changed"
    assert "  ~ app.show (source)" in lines and "  - app.gone -> g.children" in lines
    assert "Cycles: 1 introduced, 0 removed" in lines and "  + app.x_to_y <-> app.y_to_x" in lines
    assert "Findings: 1 new, 1 fixed, 0 unchanged" in lines
    assert any(line.startswith("  new   app.py:") and "DASH040" in line for line in lines)
    assert lines[-1] == "HEAD brings 1 new finding."
    untouched(repo)


def test_exit_1_only_when_head_brings_a_new_finding(snapshots):
    base, head = snapshots
    code, out, err = in_process(str(head), str(head))
    assert code == 0, err
    assert "Findings: 0 new, 0 fixed, 1 unchanged" in out.splitlines()
    code, out, _ = in_process(str(head), str(base))  # backwards: DASH001 comes back
    assert code == 1 and "Findings: 1 new, 1 fixed, 0 unchanged" in out.splitlines()


def test_markdown_is_a_pull_request_comment(snapshots):
    code, out, _ = in_process(*map(str, snapshots), "--format", "markdown")
    assert code == 1
    assert out.startswith("## Dash callback diff\n") and "**1 new**, 1 fixed" in out
    rows = [line for line in out.splitlines() if line.startswith("| new ") or line.startswith("| fixed ")]
    assert [row.split(" | ")[1] for row in rows] == ["DASH040 multi-callback-cycle",
                                                     "DASH001 duplicate-output"]
    assert "### Cycles introduced" in out and "| removed | `app.gone` |" in out


def test_sarif_marks_each_result_new_unchanged_or_absent(snapshots):
    base, head = snapshots
    code, out, _ = in_process(str(base), str(head), "--format", "sarif")
    assert code == 1
    (run,) = json.loads(out)["runs"]
    states = sorted((r["ruleId"], r["baselineState"]) for r in run["results"])
    assert states == [("DASH001", "absent"), ("DASH040", "new")]
    assert all(FINGERPRINT_VERSION in r["partialFingerprints"] for r in run["results"])
    code, out, _ = in_process(str(base), str(base), "--format", "sarif")
    assert code == 0
    assert [r["baselineState"] for r in json.loads(out)["runs"][0]["results"]] == ["unchanged"]


def test_the_console_command_runs_diff(snapshots, capsys):
    code = console(["diff", *map(str, snapshots), "--format", "json", *SELECT])
    assert code == 1 and json.loads(capsys.readouterr().out)["summary"]["findings_new"] == 1


def test_an_unknown_ref_is_one_line_and_exit_2(repo):
    result = diff(repo, "git:no-such-branch", "app.py")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"error: git:no-such-branch names no commit in {repo.resolve()}\n"
    untouched(repo)


def test_a_target_failing_at_the_ref_still_removes_the_checkout(repo, tmp_path):
    broken = tmp_path / "broken"
    git(tmp_path, "clone", "-q", str(repo), str(broken))
    (broken / "app.py").write_text("raise RuntimeError('broken at this commit')\n")
    git(broken, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "x")
    git(broken, "checkout", "-q", "HEAD~1")
    result = diff(broken, "git:master" if "master" in git(broken, "branch") else "git:main",
                  "app.py")
    assert result.returncode == 2 and "broken at this commit" in result.stdout + result.stderr
    untouched(broken)
    assert not list(Path("/tmp").glob("dce-diff-*/tree/app.py"))
