"""The benchmark scripts still run end to end on small inputs (their figures are in docs/)."""

from __future__ import annotations

import json
import subprocess
import sys

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


def test_bench_live_compares_the_app_with_and_without_the_plugin():
    done = subprocess.run([sys.executable, "benchmarks/bench_live.py", "--requests", "30"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| bare | 30 |" in done.stdout and "| live | 30 |" in done.stdout
    assert "0 hooks or routes of ours on the app — nothing" in done.stdout
    assert "the live app recorded 90 requests" in done.stdout  # 60 warm-up + 30 timed
