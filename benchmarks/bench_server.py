"""Server time of the explorer's node-selection and search callbacks on a large snapshot.

The explorer app is built in this process on a snapshot of a generated app (default N =
5,000 callbacks; the snapshot is made once by ``python -m analysis APP --save-snapshot``) and
driven through Flask's test client with the requests the browser sends
(``benchmarks/dash_client.py`` builds them from ``/_dash-dependencies``, pattern inputs too):

- **page load**: ``/_dash-layout`` and the graph callback, first (caches cold: graph, lint,
  clusters, first view) and again;
- **node selection**: a tap on a callback node (``graph.tapNodeData``), each time a different
  one, then every callback the new selection feeds (details, highlight, graph, URL);
- **search**: typing a query (``search-input.value``), each time a different one, and the
  callbacks it feeds (results list, highlight, URL).

Each callback request is timed on its own (wall time in the server, no network); the report
gives p50/p95/max per callback and per user action (the sum of its requests).

    python benchmarks/bench_server.py                  # N = 5,000, 200 clicks and searches
    python benchmarks/bench_server.py --callbacks 1000 --repeats 50
    python benchmarks/bench_server.py --write docs/performance.md
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # run as a script from anywhere
from analysis.snapshot import load_snapshot, write_atomic  # noqa: E402
from benchmarks.dash_client import DashClient  # noqa: E402
from benchmarks.generate_app import generate_app  # noqa: E402
from benchmarks.report import machine_summary, write_section  # noqa: E402
from explorer.app import create_app  # noqa: E402
from explorer.projects import Project, ProjectStore  # noqa: E402

SECTION = ("<!-- bench_server:start -->", "<!-- bench_server:end -->")
SELECT_INPUT = "graph.tapNodeData"
SEARCH_INPUT = "search-input.value"
TARGET_MS = 100.0  # issue 6: the node-selection callback answers in under 100 ms


class TestClientTransport:
    """DashClient's transport served in-process by Flask's test client (no sockets)."""

    def __init__(self, flask_app) -> None:
        self.client = flask_app.test_client()

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        response = self.client.open(path, method=method, data=body,
                                    content_type="application/json")
        return response.status_code, response.get_data()

    def close(self) -> None:
        pass


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def timed_chain(client: DashClient, trigger: str, value: object,
                samples: dict[str, list[float]], action: str) -> None:
    """Fire ``trigger``, then the callbacks its changes feed (one level, as the renderer
    does for this page), timing every request under its callback's output."""
    total = 0.0
    pending = list(client.requests_for(trigger, value))
    sent = set()  # (output, trigger): a callback runs again only for a new input change
    while pending:
        output, body = pending.pop(0)
        why = (output, tuple(body["changedPropIds"]))
        if why in sent:
            continue
        sent.add(why)
        start = time.perf_counter()
        changed = client.post(body)
        elapsed = time.perf_counter() - start
        samples[f"{action}: {output[:60]} ← {', '.join(why[1])}"].append(elapsed)
        total += elapsed
        pending.extend(client.follow_ups(changed))
    samples[f"{action} (all requests)"].append(total)


def make_snapshot(n: int, scratch: Path) -> Path:
    app = scratch / f"synthetic_{n}" / "app.py"
    write_atomic(app, generate_app(n))
    snapshot = app.with_name("snapshot.json")
    done = subprocess.run([sys.executable, "-m", "analysis", str(app), "--format", "json",
                           "--save-snapshot", str(snapshot), "--timeout", "600"],
                          cwd=REPO_ROOT, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench_server: lint failed: {done.stderr.strip()[-300:]}")
    return snapshot


def run(n: int, repeats: int, seed: int) -> tuple[dict[str, list[float]], dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="bench-server-") as scratch:
        snapshot_file = make_snapshot(n, Path(scratch))
        store = ProjectStore([Project("bench", snapshot_file=str(snapshot_file))],
                             results_dir=Path(scratch) / "results")
        app = create_app(store, cache_dir=Path(scratch) / "cache")
        client = DashClient("", transport=TestClientTransport(app.server))
        once: dict[str, float] = {}
        start = time.perf_counter()
        client.load_page()
        client.initial_graph()
        once["page load, first (cold caches: graph, lint, first view)"] = \
            time.perf_counter() - start
        start = time.perf_counter()
        client.load_page()
        client.initial_graph()
        once["page load, again"] = time.perf_counter() - start
        snapshot = load_snapshot(snapshot_file)
        rng = random.Random(seed)
        callbacks = rng.sample(list(snapshot.callbacks), min(repeats, len(snapshot.callbacks)))
        samples: dict[str, list[float]] = defaultdict(list)
        for cb in callbacks:
            tap = {"id": f"cb-{cb.index}", "key": f"cb:{cb.index}", "label": cb.function}
            timed_chain(client, SELECT_INPUT, tap, samples, "select a node")
        words = [f"chain{rng.randrange(n // 10)}" for _ in range(repeats // 2)] + [
            f"c{rng.randrange(n // 10)}-s{rng.randrange(10)}" for _ in range(repeats - repeats // 2)]
        for word in words:
            timed_chain(client, SEARCH_INPUT, word, samples, "search")
    return samples, once


def markdown(n: int, repeats: int, samples: dict[str, list[float]], once: dict[str, float]) -> str:
    lines = ["| request | count | p50 (ms) | p95 (ms) | max (ms) |", "|---|---:|---:|---:|---:|"]
    for name, values in sorted(samples.items()):
        lines.append(f"| {name} | {len(values)} | {percentile(values, 50) * 1000:.1f} "
                     f"| {percentile(values, 95) * 1000:.1f} | {max(values) * 1000:.1f} |")
    for name, seconds in once.items():
        lines.append(f"| {name} | 1 | {seconds * 1000:.0f} | | |")
    selection = samples.get(f"select a node: selection.data ← {SELECT_INPUT}", [])
    verdict = ""
    if selection:
        p95 = percentile(selection, 95) * 1000
        verdict = (f"\nTarget: node-selection callback < {TARGET_MS:.0f} ms server side — "
                   f"{'met' if p95 < TARGET_MS else 'NOT met'} (p95 {p95:.1f} ms; the whole "
                   f"click, every request it causes: p95 "
                   f"{percentile(samples['select a node (all requests)'], 95) * 1000:.1f} ms).\n")
    return (
        f"Measured with `python benchmarks/bench_server.py --callbacks {n} --repeats {repeats}` "
        f"on {machine_summary()}. Flask test client in one process, {repeats} different nodes "
        f"and {repeats} different queries, caches warm after the first page load.\n\n"
        + "\n".join(lines) + "\n" + verdict
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--callbacks", type=int, default=5_000, help="N (default 5,000)")
    parser.add_argument("--repeats", type=int, default=100, help="clicks and searches")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--write", type=Path, help="update this Markdown file's section")
    args = parser.parse_args(argv)
    if args.callbacks < 10 or args.repeats < 1:
        parser.error("--callbacks must be at least 10 and --repeats at least 1")
    samples, once = run(args.callbacks, args.repeats, args.seed)
    report = markdown(args.callbacks, args.repeats, samples, once)
    print(report)
    if args.write:
        write_section(args.write, report, SECTION)
        print(f"updated {args.write}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
