"""Lint time over bare import time of synthetic Dash apps, measured in one run.

For each N (default 100, 1,000, 2,000, 5,000) the script generates an app with N callbacks
(``benchmarks/generate_app.py``), then times, in fresh processes of this same interpreter:

- **bare import**: ``python -c "import runpy; runpy.run_path(APP)"`` in the app's directory
  (what ``python app.py`` costs before serving: importing Dash, building the layout,
  registering the callbacks);
- **lint**: ``python -m analysis APP --format json`` (CLI start-up, the probe child process,
  snapshot, graph, every rule, the report),

each ``--repeats`` times, alternating, after one untimed warm-up round, and reports the
medians of wall time and of CPU time (user + sys of the process tree; steadier on a busy
machine), their ratios, and the callback count the JSON report shows (it must equal N).

Usage, from the repository root::

    python benchmarks/bench_lint.py                      # Markdown table on stdout
    python benchmarks/bench_lint.py --sizes 100,2000 --repeats 3
    python benchmarks/bench_lint.py --write docs/performance.md

``--write`` replaces the section between ``<!-- bench_lint:start -->`` and
``<!-- bench_lint:end -->`` of that file (creating the file or section if needed) atomically.
Exit code 0; 1 when a report's callback count differs from N or lint fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # run as a script from anywhere
from analysis.snapshot import write_atomic  # noqa: E402
from benchmarks.generate_app import generate_app  # noqa: E402
from benchmarks.report import machine_summary, publish  # noqa: E402

DEFAULT_SIZES = (100, 1_000, 2_000, 5_000)
TARGET_N, TARGET_RATIO = 2_000, 1.5  # issue 2: lint at most 1.5x bare import at 2,000 callbacks
SECTION_START, SECTION_END = "<!-- bench_lint:start -->", "<!-- bench_lint:end -->"


@dataclass(frozen=True)
class Timing:
    wall: float  # median seconds
    cpu: float  # median user+sys seconds of the process tree


@dataclass(frozen=True)
class Row:
    n: int
    reported: int | None  # callbacks in the JSON report
    bare: Timing
    lint: Timing | None  # None: lint failed

    def ratio(self, attr: str) -> float | None:
        return getattr(self.lint, attr) / getattr(self.bare, attr) if self.lint else None


def run_timed(argv: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall and CPU seconds of one run (CPU: user+sys of the child and its waited-for children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done


def measure_pair(
    argvs: tuple[list[str], list[str]], cwds: tuple[Path, Path], repeats: int
) -> tuple[list[Timing], list[subprocess.CompletedProcess]]:
    """Median timings of two commands, run alternately so load changes hit both alike."""
    samples: list[list[tuple[float, float]]] = [[], []]
    last: list[subprocess.CompletedProcess] = []
    for round_ in range(repeats + 1):  # round 0 warms up: file cache, .pyc of our package
        last = []
        for which in (0, 1):
            wall, cpu, done = run_timed(argvs[which], cwds[which])
            last.append(done)
            if round_:
                samples[which].append((wall, cpu))
    timings = [
        Timing(statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        for runs in samples
    ]
    return timings, last


def bench_size(n: int, workdir: Path, repeats: int) -> Row:
    app = workdir / f"synthetic_{n}" / "app.py"
    write_atomic(app, generate_app(n))
    bare_argv = [sys.executable, "-c", "import runpy, sys; runpy.run_path(sys.argv[1])", str(app)]
    lint_argv = [sys.executable, "-m", "analysis", str(app), "--format", "json"]
    (bare, lint), (bare_run, lint_run) = measure_pair(
        (bare_argv, lint_argv), (app.parent, REPO_ROOT), repeats
    )
    if bare_run.returncode != 0:
        raise SystemExit(f"bench_lint: the generated app failed to import: {bare_run.stderr[-500:]}")
    if lint_run.returncode not in (0, 1):
        first = (lint_run.stderr.strip().splitlines() or ["(no message)"])[0]
        print(f"bench_lint: lint failed at N={n} (exit {lint_run.returncode}): {first}",
              file=sys.stderr)
        return Row(n, None, bare, None)
    reported = json.loads(lint_run.stdout)["summary"]["callbacks"]
    return Row(n, reported, bare, lint)


def fmt(value: float | None, suffix: str = "") -> str:
    return "—" if value is None else f"{value:.2f}{suffix}"


def markdown(rows: list[Row], repeats: int) -> str:
    lines = [
        "| callbacks (N) | reported | bare import (s) | lint (s) | lint / import | "
        "CPU: import (s) | CPU: lint (s) | CPU ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.n:,} | {row.reported if row.reported is not None else 'failed'} "
            f"| {fmt(row.bare.wall)} | {fmt(row.lint.wall if row.lint else None)} "
            f"| {fmt(row.ratio('wall'), '×')} | {fmt(row.bare.cpu)} "
            f"| {fmt(row.lint.cpu if row.lint else None)} | {fmt(row.ratio('cpu'), '×')} |"
        )
    target = next((row for row in rows if row.n == TARGET_N), None)
    verdict = ""
    if target and target.lint:
        met = target.ratio("wall") <= TARGET_RATIO
        verdict = (f"\nTarget at N = {TARGET_N:,}: lint ≤ {TARGET_RATIO}× bare import — "
                   f"{'met' if met else 'NOT met'} ({target.ratio('wall'):.2f}×).\n")
    if rows and all(row.lint for row in rows):  # issue 6: the same bound at every N
        worst = max(rows, key=lambda row: row.ratio("wall"))
        met = worst.ratio("wall") <= TARGET_RATIO
        verdict += (f"At every N: lint ≤ {TARGET_RATIO}× bare import — "
                    f"{'met' if met else 'NOT met'} (highest {worst.ratio('wall'):.2f}× at "
                    f"N = {worst.n:,}).\n")
    return (
        f"Measured {dt.date.today().isoformat()} with `python benchmarks/bench_lint.py` on "
        f"{machine_summary()}. Medians of {repeats} alternating runs after a warm-up, each in "
        f"a fresh process.\n\n" + "\n".join(lines) + "\n" + verdict
    )


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes are comma-separated integers, not {text!r}")
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("every size must be at least 1")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=list(DEFAULT_SIZES),
                        help="comma-separated callback counts (default: 100,1000,2000,5000)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per measurement")
    parser.add_argument("--write", type=Path, help="update this Markdown file's benchmark section")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")

    with tempfile.TemporaryDirectory(prefix="bench-lint-") as scratch:
        rows = []
        for n in args.sizes:
            print(f"N = {n:,} …", file=sys.stderr, flush=True)
            rows.append(bench_size(n, Path(scratch), args.repeats))
    publish(markdown(rows, args.repeats), args.write, (SECTION_START, SECTION_END))
    return 0 if all(row.reported == row.n for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
