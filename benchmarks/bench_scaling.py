"""How every rule's time grows with the snapshot: N vs 4N callbacks of adversarial shapes, one run.

For each shape of ``benchmarks/adversarial.py`` the script builds the snapshot at N and at 4N
callbacks (default 1,000 and 4,000) and times, in this process:

- the graph (``build_graph``), every rule of the catalog (opt-in ones too) on its own fresh
  context over that graph, the whole ``lint`` (selection, ``# noqa``, sorting), and the
  explorer's first view of it (``SnapshotServices.warm`` with the findings given);

then reports the ratio t(4N) / t(N). Linear work gives about 4, n·log n about 4.5;
quadratic gives 16. A ratio above ``--limit`` (default 8) on a step that takes at least
``--floor`` seconds (default 0.05) at 4N is flagged as super-linear, and the exit code is 1.
Ratios of steps faster than the floor are noise and shown in parentheses.

    python benchmarks/bench_scaling.py                 # Markdown table on stdout
    python benchmarks/bench_scaling.py --sizes 200,800 --shape realistic
    python benchmarks/bench_scaling.py --write docs/performance.md
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Callable

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # run as a script from anywhere
from analysis.context import LintContext  # noqa: E402
from analysis.graph import build_graph  # noqa: E402
from analysis.lint import LintSettings, lint  # noqa: E402
from analysis.rules import all_rules  # noqa: E402
from analysis.snapshot import Snapshot  # noqa: E402
from benchmarks.adversarial import SHAPES  # noqa: E402
from benchmarks.report import machine_summary, publish  # noqa: E402
from explorer.services import SnapshotServices  # noqa: E402

SECTION = ("<!-- bench_scaling:start -->", "<!-- bench_scaling:end -->")
EVERY_RULE = LintSettings(select=("ALL",))


def timed(work: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def steps(snapshot: Snapshot) -> dict[str, float]:
    """Seconds of each step on one snapshot."""
    found: dict[str, float] = {}
    graph = None

    def make_graph() -> None:
        nonlocal graph
        graph = build_graph(snapshot)

    found["graph"] = timed(make_graph)
    for rule in all_rules():
        context = LintContext(snapshot)
        context.__dict__["graph"] = graph  # the graph is timed above, once
        found[rule.code] = timed(lambda: list(rule.run(context)))
    findings: list = []
    found["lint (all rules, noqa, order)"] = timed(
        lambda: findings.extend(lint(snapshot, EVERY_RULE)))
    found["explorer: first view"] = timed(
        lambda: SnapshotServices(snapshot, tuple(findings)).warm())
    return found


def measure(shapes: list[str], sizes: tuple[int, int]) -> dict[str, dict[str, tuple[float, float]]]:
    """{shape: {step: (seconds at N, seconds at 4N)}}."""
    results: dict[str, dict[str, tuple[float, float]]] = {}
    for shape in shapes:
        build = SHAPES[shape]
        small, large = (steps(build(n)) for n in sizes)
        results[shape] = {step: (small[step], large[step]) for step in small}
        print(f"{shape}: done", file=sys.stderr, flush=True)
    return results


def verdicts(results: dict[str, dict[str, tuple[float, float]]], limit: float,
             floor: float) -> list[tuple[str, str, float, float, float]]:
    """(shape, step, t(N), t(4N), ratio) of every super-linear step."""
    return [(shape, step, a, b, b / max(a, 1e-9))
            for shape, row in results.items() for step, (a, b) in row.items()
            if b >= floor and b / max(a, 1e-9) > limit]


def markdown(results: dict[str, dict[str, tuple[float, float]]], sizes: tuple[int, int],
             limit: float, floor: float) -> str:
    shapes = list(results)
    header = "| step | " + " | ".join(shapes) + " |"
    lines = [header, "|---|" + "---:|" * len(shapes)]
    for step in next(iter(results.values())):
        cells = []
        for shape in shapes:
            a, b = results[shape][step]
            ratio = f"{b / max(a, 1e-9):.1f}×"
            cells.append(f"{b * 1000:.0f} ms, {ratio if b >= floor else f'({ratio})'}")
        lines.append(f"| {step} | " + " | ".join(cells) + " |")
    slow = verdicts(results, limit, floor)
    verdict = (f"\nEvery step at most {limit:g}× from N = {sizes[0]:,} to {sizes[1]:,} (linear: "
               f"4×, quadratic: 16×): " + ("met.\n" if not slow else "NOT met: " + "; ".join(
                   f"{step} on {shape} {ratio:.1f}×" for shape, step, _, _, ratio in slow) + ".\n"))
    return (
        f"Measured with `python benchmarks/bench_scaling.py --sizes {sizes[0]},{sizes[1]}` on "
        f"{machine_summary()}. Each cell: time at N = {sizes[1]:,} callbacks, then t(4N) / "
        f"t(N) from the same run; in parentheses where the step takes under "
        f"{floor * 1000:.0f} ms (noise).\n\n" + "\n".join(lines) + "\n" + verdict
    )


def parse_sizes(text: str) -> tuple[int, int]:
    parts = [int(p) for p in text.split(",")]
    if len(parts) != 2 or not 0 < parts[0] < parts[1]:
        raise argparse.ArgumentTypeError("--sizes is two increasing counts, e.g. 1000,4000")
    return parts[0], parts[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=(1_000, 4_000))
    parser.add_argument("--shape", action="append", choices=list(SHAPES),
                        help="only these shapes (repeatable; default: all)")
    parser.add_argument("--limit", type=float, default=8.0, help="largest ratio still linear")
    parser.add_argument("--floor", type=float, default=0.05,
                        help="seconds at 4N below which a ratio is not judged")
    parser.add_argument("--write", type=Path, help="update this Markdown file's section")
    args = parser.parse_args(argv)
    results = measure(args.shape or list(SHAPES), args.sizes)
    publish(markdown(results, args.sizes, args.limit, args.floor), args.write, SECTION)
    return 1 if verdicts(results, args.limit, args.floor) else 0


if __name__ == "__main__":
    sys.exit(main())
