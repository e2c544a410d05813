"""The explorer's project store, app factory and command line, on real targets and probes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from snapshot_factory import OUTPUTS_AND_CYCLES, callback, snapshot

from analysis.errors import ConfigError
from analysis.settings import LintSettings
from analysis.snapshot import save_snapshot
from explorer.app import create_app
from explorer.callbacks.graph import first_drawing
from explorer.layout import page
from explorer.projects import Project, ProjectStore, project_name, run_analysis
from paths import REPO

ROOT = REPO
GOOD = ROOT / "tests" / "targets" / "single_file" / "app.py"
BROKEN = ROOT / "tests" / "targets" / "faults" / "raises.py"


@pytest.fixture(scope="module")
def good_snapshot():
    return Project("good", target=str(GOOD)).analyse()


def test_run_analysis_keeps_its_result_on_the_server(tmp_path):
    job, failed = run_analysis(Project("good", target=str(GOOD)), tmp_path)
    assert not failed and str(tmp_path) not in job and "good" not in job  # an opaque id
    store = ProjectStore([Project("good", target=str(GOOD))], tmp_path)
    store.adopt(store.jobs.take(job))
    assert store.services("good").snapshot.callbacks
    assert store.revision == 1
    assert not list(tmp_path.iterdir())  # in memory now; results do not pile up
    assert store.jobs.take(job) is None  # taken once


def test_a_failed_analysis_keeps_the_last_good_snapshot(good_snapshot, tmp_path):
    store = ProjectStore([Project("good", target=str(BROKEN))], tmp_path)
    store.adopt(store.jobs.take(store.jobs.put("good", snapshot=good_snapshot)))
    good = store.services("good")
    job, failed = run_analysis(store.project("good"), tmp_path)  # the real probe, failing
    assert failed
    result = store.jobs.take(job)
    assert result.error and result.snapshot is None
    store.adopt(result)
    state = store.state("good")
    assert state.error == result.error and state.services is good


def test_a_broken_target_is_analysed_lazily_and_reports_its_error(tmp_path):
    store = ProjectStore([Project("broken", target=str(BROKEN))], tmp_path)
    state = store.state("broken")
    assert state.services is None and state.error and "\n" not in state.error
    assert store.services("nope") is None


def test_job_results_are_found_by_their_id_only(good_snapshot, tmp_path):
    from explorer.jobs import JobResults

    jobs = JobResults(tmp_path)
    job = jobs.put("good", snapshot=good_snapshot)
    names = [p.name for p in tmp_path.iterdir()]
    assert not any(job in name for name in names)  # a listing gives no id away
    for guess in names + [str(p) for p in tmp_path.iterdir()] + ["../" + job, job[:-1]]:
        assert jobs.take(guess) is None
    assert jobs.take(job).snapshot == good_snapshot
    stale = jobs.put("good", error="x")
    jobs.sweep(now=time.time() + 7200)  # a page closed mid-analysis never takes its result
    assert jobs.take(stale) is None and not list(tmp_path.iterdir())


def test_a_result_for_a_project_no_longer_configured_is_refused(good_snapshot, tmp_path):
    store = ProjectStore([Project("good", target=str(GOOD))], tmp_path)
    with pytest.raises(ValueError):
        store.adopt(store.jobs.take(store.jobs.put("../etc", snapshot=good_snapshot)))


def test_snapshot_file_projects_read_the_file(good_snapshot, tmp_path):
    save_snapshot(good_snapshot, tmp_path / "saved.json")
    store = ProjectStore([Project("saved", snapshot_file=str(tmp_path / "saved.json"))], tmp_path)
    assert store.services("saved").snapshot.target


def test_the_explorer_honours_the_project_settings_as_the_cli_does(tmp_path):
    project = tmp_path / "shop"
    project.mkdir()
    shutil.copy(OUTPUTS_AND_CYCLES / "single_bad" / "app.py", project / "app.py")
    (project / "pyproject.toml").write_text('[tool.dash-callback-explorer]\nignore = ["DASH040"]\n')
    run = subprocess.run([sys.executable, "-m", "analysis", str(project), "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    cli = [(f["code"], f["line"]) for f in json.loads(run.stdout)["findings"]]
    store = ProjectStore([Project("shop", target=str(project))], tmp_path / "results")
    explorer = [(f.code, f.line) for f in store.services("shop").findings]
    assert explorer == cli and cli and "DASH040" not in {code for code, _ in cli}


CYCLE = snapshot(callback(0, ["a.value"], ["b.value"]), callback(1, ["b.value"], ["a.value"]))


def test_a_snapshot_file_project_lints_with_the_defaults(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.dash-callback-explorer]\nignore = ["ALL"]\n')
    save_snapshot(CYCLE, tmp_path / "cycle.json")
    saved = Project("saved", snapshot_file=str(tmp_path / "cycle.json"))
    assert saved.settings() == LintSettings()
    store = ProjectStore([saved], tmp_path / "results")
    assert [f.code for f in store.services("saved").findings] == ["DASH040"]


def test_bad_project_settings_are_the_project_error(tmp_path):
    (tmp_path / "app.py").write_text("")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.dash-callback-explorer]\nselect = ["DASH999"]\n')
    store = ProjectStore([Project("shop", target=str(tmp_path / "app.py"))], tmp_path / "results")
    with pytest.raises(ConfigError, match="DASH999"):
        store.preload("shop", CYCLE)  # the command line's start-up: exit 2 with this message
    store.adopt(store.jobs.take(store.jobs.put("shop", snapshot=CYCLE)))
    state = store.state("shop")
    assert state.services is None and "DASH999" in state.error


def test_project_names_are_short_and_unique():
    taken: set[str] = set()
    names = []
    for target in ("examples/demo/app.py", "shop.py", "other/shop.py", "pkg.mod:app"):
        names.append(project_name(target, taken))
        taken.add(names[-1])
    assert names == ["demo", "shop", "shop-2", "pkg.mod"]


def test_every_output_has_one_writer(tmp_path):
    app = create_app(ProjectStore([Project("good", target=str(GOOD))], tmp_path),
                     cache_dir=tmp_path)
    outputs = Counter()
    for callback in app._callback_list:
        for part in callback["output"].strip(".").split("..."):
            if part:
                outputs[part.split("@")[0]] += 1
    assert outputs and max(outputs.values()) == 1, outputs.most_common(3)


def test_the_explorer_lints_clean():
    run = subprocess.run([sys.executable, "-m", "analysis", "app.py", "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    report = json.loads(run.stdout)
    assert [f["code"] for f in report["findings"]] == [], report["findings"]
    assert run.returncode == 0


@pytest.mark.parametrize("argv", [
    ["does/not/exist.py"], ["--snapshot", "missing.json"], ["--port", "eighty"],
    ["--timeout", "0"],
])
def test_bad_input_is_one_line_and_exit_code_2(argv):
    run = subprocess.run([sys.executable, "app.py", *argv], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.startswith("error: ") and run.stderr.count("\n") == 1
    assert run.stdout == ""


def test_building_the_page_runs_no_analysis(tmp_path):
    """The layout opens at the project's own collapse only when it is already analysed:
    serving the page must not start a probe (hosted mode would store its result)."""
    store = ProjectStore([Project("good", target=str(GOOD))], tmp_path)
    page(store, first_drawing)
    assert store._states["good"].analysed_at == 0.0
    assert store.analysed("good") is None
    store.state("good")
    assert store.analysed("good") is not None


def test_building_an_app_while_other_threads_lint(tmp_path):
    """werkzeug compiles each route it adds from an AST, which races ast.parse in other
    threads on CPython 3.11 (cpython#106905): seen in CI as a SystemError inside a rule."""
    from analysis.source.python import parse_function
    from thread_race import errors_of_racing

    source = "def f(x):\n" + "".join(
        f"    if x == {i}:\n        return [{{'a': (1, [2, (3, {i})])}}]\n" for i in range(300))

    def parse() -> None:
        for _ in range(30):
            parse_function(source)

    def build() -> None:
        for n in range(3):
            store = ProjectStore([Project("x", snapshot_file=str(tmp_path / "none.json"))],
                                 tmp_path / f"results{n}")
            create_app(store, cache_dir=tmp_path / f"jobs{n}")

    assert errors_of_racing(parse, parse, build) == []
