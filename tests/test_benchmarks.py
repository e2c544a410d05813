"""The benchmark scripts still run end to end on small inputs (their figures are in docs/)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from paths import APPS, REPO

PATTERNS = APPS / "realworld" / "patterns"

def test_bench_server_times_real_callback_requests_through_the_test_client():
    done = subprocess.run(
        [sys.executable, "benchmarks/bench_server.py", "--callbacks", "40", "--repeats", "3"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "select a node: selection.data ← graph.tapNodeData | 3 |" in done.stdout
    assert "search: search-results.children ← search-input.value | 3 |" in done.stdout


def test_bench_lint_reports_the_callback_count_and_both_bounds(tmp_path):
    done = subprocess.run(
        [sys.executable, "benchmarks/bench_lint.py", "--sizes", "20", "--repeats", "1"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| 20 | 20 |" in done.stdout  # the JSON report counted every callback
    assert "At every N: lint ≤ 1.5× bare import" in done.stdout


def test_served_count_matches_the_linter_on_a_fixture(tmp_path):
    out = tmp_path / "served.json"
    """benchmarks/realworld/served.py counts what Dash serves at /_dash-dependencies."""
    served_py = REPO / "benchmarks" / "realworld" / "served.py"
    subprocess.run([sys.executable, str(served_py), "--root", str(PATTERNS),
                    "--entry", "dash020_unreachable_fallthrough.py", "--out", str(out)],
                   cwd=PATTERNS, capture_output=True, text=True, timeout=120, check=True)
    served = json.loads(out.read_text())
    assert served["error"] is None, served.get("details")
    assert [a["own"] for a in served["apps"]] == [2]


def test_served_counts_an_app_callback_that_writes_the_pages_location_as_the_apps(tmp_path):
    """tds-alerts (round 9A) redirects through Output("_pages_location", "pathname"): that is the
    app's callback, not Dash's router or title callback (served.py once counted it as Dash's)."""
    out = tmp_path / "served.json"
    root = APPS / "realworld"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "realworld" / "served.py"),
                    "--root", str(root), "--entry", "pages_location_writer_app.py",
                    "--out", str(out)], cwd=root, capture_output=True, text=True, timeout=120,
                   check=True)
    served = json.loads(out.read_text())
    assert served["error"] is None, served.get("details")
    assert [(a["own"], a["internal"]) for a in served["apps"]] == [(1, 2)]

def test_served_imports_a_script_named_like_the_package_beside_it(tmp_path):
    """cafe-neo (round 10) is run as `python app.py` and imports its own package `app`; loading
    the script under the name `app` hid that package ("'app' is not a package")."""
    out = tmp_path / "served.json"
    root = APPS / "realworld" / "script_beside_package"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "realworld" / "served.py"),
                    "--root", str(root), "--entry", "app.py", "--out", str(out)],
                   cwd=root, capture_output=True, text=True, timeout=120, check=True)
    served = json.loads(out.read_text())
    assert served["error"] is None, served.get("details")
    assert [a["own"] for a in served["apps"]] == [2]


def test_run_lints_a_project_that_has_its_own_analysis_package():
    """convenience-paradox (round 10) has a top-level package `analysis`: run.py ran
    `python -m analysis` from the app's folder, so Python found the app's package instead of the
    linter ("No module named analysis.__main__") and run.py stopped on the empty output."""
    sys.path.insert(0, str(REPO / "benchmarks" / "realworld"))
    try:
        import run
    finally:
        sys.path.pop(0)
    app = {"entry": "app.py", "timeout": 120, "env": {}, "offline": False}
    result = run.lint(app, APPS / "realworld" / "own_analysis_package", Path(sys.executable))
    assert result["exit"] == 0, result
    assert result["callbacks"] == 1
def test_served_counts_an_app_behind_basic_auth_with_the_credentials_it_is_given(tmp_path):
    """emc-emission and market-research (rounds 6-7) answer /_dash-dependencies with 401 to a
    client without credentials; `--auth USER:PASS` sends the app's own, as a browser would."""
    root = APPS / "realworld"
    counts = []
    for extra in ([], ["--auth", "user:secret"]):
        out = tmp_path / f"served{len(extra)}.json"
        subprocess.run([sys.executable, str(REPO / "benchmarks" / "realworld" / "served.py"),
                        "--root", str(root), "--entry", "basic_auth_app.py", "--out", str(out),
                        *extra], cwd=root, capture_output=True, text=True, timeout=120,
                       check=True)
        served = json.loads(out.read_text())
        assert served["error"] is None, served.get("details")
        counts.append([(a["status"], a.get("own")) for a in served["apps"]])
    assert counts == [[(401, None)], [(200, 1)]]


def test_run_passes_the_manifests_served_entry_and_credentials_to_served_py(tmp_path):
    """run.py hands served.py the manifest's `served_entry` and `served_auth` (wavedash's factory,
    emc-emission's BasicAuth pair) instead of leaving those counts to be made by hand."""
    spec = importlib.util.spec_from_file_location("realworld_run",
                                                  REPO / "benchmarks" / "realworld" / "run.py")
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    manifest = tmp_path / "manifest.toml"
    manifest.write_text('[[app]]\nname = "guarded"\nrepo = "x/y"\ncommit = "0"\n'
                        'entry = "app.py"\nserved_entry = "basic_auth_app.py"\n'
                        'served_auth = "user:secret"\n')
    [app] = run.load_manifest(manifest)
    result = run.served(app, APPS / "realworld", Path(sys.executable))
    assert run.served_count(result) == "1", result


def test_bench_scaling_times_every_rule_on_every_shape():
    done = subprocess.run(
        [sys.executable, "benchmarks/bench_scaling.py", "--sizes", "10,40"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]  # 1: a ratio flagged (noise at 40)
    assert "| DASH051 |" in done.stdout and "| explorer: first view |" in done.stdout
    assert "ALL/MATCH fan-out" in done.stdout and "realistic" in done.stdout


def test_bench_static_times_static_mode_on_a_generated_app(tmp_path):
    app = tmp_path / "app_20.py"
    subprocess.run([sys.executable, "benchmarks/generate_app.py", "20", str(app)], cwd=REPO,
                   check=True, capture_output=True, timeout=60)
    done = subprocess.run([sys.executable, "benchmarks/bench_static.py", str(app), "2"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "20 callbacks" in done.stdout and "snapshot+lint" in done.stdout
    assert "byte code cached" in done.stdout
    assert "x ast.parse" in done.stdout and "x python -c pass" in done.stdout


def test_bench_live_compares_the_app_without_the_plugin_disabled_and_on():
    done = subprocess.run([sys.executable, "benchmarks/bench_live.py", "--requests", "30"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    for app in ("without", "disabled", "live"):
        assert f"| {app} | 30 |" in done.stdout
    assert "Disabled (entry point installed, `DASH_CALLBACK_EXPLORER_LIVE` unset): " in done.stdout
    assert "0 hooks or routes of ours on the app — nothing" in done.stdout
    assert "the live app recorded 90 requests" in done.stdout  # 60 warm-up + 30 timed


def test_make_venvs_leaves_skipped_apps_out(tmp_path):
    """A skipped app's venv is not made: its packages are often why it is skipped, and a
    failed install (here: no such Python) would stop every venv after it."""
    manifest = tmp_path / "manifest.toml"
    manifest.write_text('[[app]]\nname = "native"\nrepo = "a/b"\ncommit = "0"\n'
                        'entry = "app.py"\nvenv = "native"\npython = "0.0"\n'
                        'skip = "needs a native build"\n')
    done = subprocess.run([sys.executable, "benchmarks/realworld/run.py", str(tmp_path),
                           "--manifest", str(manifest), "--make-venvs"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "venvs" / "native").exists()
