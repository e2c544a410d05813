"""Load test: N concurrent clients drive the served explorer on loopback for a bounded time.

Each client loads the page (``/``, ``/_dash-layout``, ``/_dash-dependencies`` and the graph
callback a browser fires first), then loops: select a graph node (the callbacks fed by
``graph.tapNodeData`` — "select node" is the one writing ``selection.data`` —, then the
callbacks the new selection triggers, as the renderer does),
search (the callbacks fed by ``search-input.value``), and now and then a fresh page load.
Every request is timed; the report gives p50/p95/p99 per kind and every error.

    python benchmarks/load.py --config projects.toml --clients 32 --duration 30
    python benchmarks/load.py --url http://127.0.0.1:8050 --clients 8 --duration 10

``--config`` starts the documented gunicorn command on a free loopback port for the run.
"""

from __future__ import annotations

import argparse
import json
import random
import shlex
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from dash_client import DashClient  # noqa: E402
from docs.screenshot import (  # noqa: E402
    ScreenshotError, free_port, start_server, stop_server, wait_until_serving,
)

SELECT_INPUT = "graph.tapNodeData"
SELECTION_OUTPUT = "selection.data"
SEARCH_INPUT = "search-input.value"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile of values (seconds in, seconds out)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


class Recorder:
    """Latencies per request kind and errors, shared by the client threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.examples: list[str] = []

    def timed(self, kind: str, call):
        start = time.perf_counter()
        try:
            result = call()
        except Exception as exc:  # an error is a result of a load test, not a crash of it
            with self.lock:
                self.errors[kind] += 1
                if len(self.examples) < 10:
                    self.examples.append(f"{kind}: {type(exc).__name__}: {exc}"[:300])
            return None
        elapsed = time.perf_counter() - start
        with self.lock:
            self.latencies[kind].append(elapsed)
        return result

    def report(self, duration: float, clients: int) -> str:
        total = sum(len(v) for v in self.latencies.values())
        errors = sum(self.errors.values())
        lines = [f"{clients} clients, {duration:.0f} s: {total} requests "
                 f"({total / duration:.0f}/s), {errors} errors",
                 f"{'kind':<28}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"]
        for kind in sorted(set(self.latencies) | set(self.errors)):
            values = self.latencies.get(kind, [])
            cells = [f"{percentile(values, p) * 1000:9.1f}" for p in (50, 95, 99)] if values \
                else [f"{'-':>9}"] * 3
            errors = self.errors.get(kind, 0)
            lines.append(f"{kind:<28}{len(values):>7}{''.join(cells)}{errors:>8}")
        lines.extend(f"  error: {example}" for example in self.examples)
        return "\n".join(lines)


def run_client(url: str, deadline: float, budget: threading.Semaphore, record: Recorder,
               seed: int, auth: tuple[str, str] | None, think: float) -> None:
    rng = random.Random(seed)
    client = DashClient(url, auth=auth)
    try:
        run_actions(client, rng, deadline, budget, record, think)
    finally:
        client.close()  # no idle keep-alive connection may delay the server's exit


def run_actions(client: DashClient, rng: random.Random, deadline: float,
                budget: threading.Semaphore, record: Recorder, think: float) -> None:
    if record.timed("page load", client.load_page) is None:
        return
    nodes = record.timed("page: graph callback", client.initial_graph) or []
    words = sorted({n.get("label", "").split(".")[-1][:4] for n in nodes if n.get("label")})
    while time.monotonic() < deadline and budget.acquire(blocking=False):
        if think:
            time.sleep(rng.uniform(0.5, 1.5) * think)  # a person reads before clicking again
        roll = rng.random()
        if roll < 0.6 and nodes:
            changed: dict = {}
            # Every callback the tap feeds (the browser sends them at once); "select node" is
            # the one that writes the selection.
            for key, request in client.requests_for(SELECT_INPUT, rng.choice(nodes)):
                label = "select node" if key == SELECTION_OUTPUT else f"tap -> {key[:21]}"
                changed.update(record.timed(label, lambda r=request: client.post(r)) or {})
            for key, request in client.follow_ups(changed):
                record.timed(f"select -> {key[:18]}", lambda r=request: client.post(r, False))
        elif roll < 0.9 and words:
            query = rng.choice(words)
            for key, request in client.requests_for(SEARCH_INPUT, query):
                record.timed(f"search -> {key[:18]}", lambda r=request: client.post(r, False))
        else:
            record.timed("page load", client.load_page)


def serve(config: str, data_dir: str, workers: int, threads: int) -> tuple[subprocess.Popen, str]:
    """The README's hosted command on a free loopback port; returns the process and its URL."""
    port = free_port()
    command = (f"{shlex.quote(sys.executable)} -m gunicorn app:server -k gthread "
               f"--workers {workers} --threads {threads} --bind 127.0.0.1:{{port}}")
    env = {"DCE_CONFIG": str(Path(config).resolve()), "DCE_DATA_DIR": data_dir}
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    log = Path(data_dir) / "gunicorn.log"  # a file: a pipe nobody reads could fill up
    process = start_server(command, port, log, env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, f"{url}/healthz", 120, log)
    except ScreenshotError as error:
        stop_server(process)
        raise SystemExit(f"gunicorn: {error}") from None
    return process, url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="a served explorer on loopback, e.g. http://127.0.0.1:8050")
    target.add_argument("--config", help="projects TOML: start gunicorn on it for the run")
    parser.add_argument("--data-dir", default="/tmp/dce-load-data")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds (max 600)")
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--think", type=float, default=0.0, metavar="SECONDS",
                        help="mean pause of a client between actions (0: flat out)")
    parser.add_argument("--basic-auth", metavar="USER:PASSWORD")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    if not 0 < args.duration <= 600 or not 0 < args.clients <= 256:
        parser.error("--duration must be in (0, 600] and --clients in (0, 256]")
    process = None
    if args.config:
        process, url = serve(args.config, args.data_dir, args.workers, args.threads)
    else:
        url = args.url.rstrip("/")
        if urllib.parse.urlparse(url).hostname not in LOOPBACK:
            parser.error("--url must be a loopback address: this tool loads the server hard")
    auth = tuple(args.basic_auth.split(":", 1)) if args.basic_auth else None
    record = Recorder()
    budget = threading.Semaphore(args.max_requests)
    try:
        started = time.monotonic()
        deadline = started + args.duration
        with ThreadPoolExecutor(args.clients) as pool:
            futures = [pool.submit(run_client, url, deadline, budget, record, i, auth,
                                   args.think)
                       for i in range(args.clients)]
        for future in futures:  # a client that broke outside a timed request is an error too
            if future.exception() is not None:
                record.timed("client", lambda f=future: f.result())
        elapsed = time.monotonic() - started
    finally:
        if process is not None:
            stop_server(process)
    print(f"think time {args.think:g} s per action" if args.think
          else "flat out (no think time)")
    print(record.report(elapsed, args.clients))
    if args.json:
        figures = {kind: {"count": len(values), **{f"p{p}": round(percentile(values, p) * 1000, 1)
                                                   for p in (50, 95, 99)}}
                   for kind, values in record.latencies.items()}
        print(json.dumps({"latency_ms": figures, "errors": dict(record.errors)}))
    return 1 if sum(record.errors.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
