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

``--hosted`` measures the hosted server instead (real gunicorn, 2 gthread workers, on a
loopback port): the largest snapshot the upload limit accepts (``--max-upload-mb``, default
20, the server's default; a realistic one from ``benchmarks/adversarial.py``) from the start
of its API upload to the first page drawn (page, layout, the graph callback), then a restart:
the time until ``/healthz`` answers (liveness), until ``/readyz`` says ready (warm-up done),
and the first page after it.

    python benchmarks/bench_server.py --hosted --write docs/performance.md
"""

from __future__ import annotations

import argparse
import os
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
from benchmarks.report import machine_summary, publish  # noqa: E402
from explorer.app import create_app  # noqa: E402
from explorer.projects import Project, ProjectStore  # noqa: E402

SECTION = ("<!-- bench_server:start -->", "<!-- bench_server:end -->")
HOSTED_SECTION = ("<!-- bench_hosted:start -->", "<!-- bench_hosted:end -->")
HOSTED_TARGET_S = 10.0  # issue 13: the largest accepted upload's first page in under 10 s
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


def _gunicorn(env: dict[str, str], port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "app:server", "-k", "gthread", "--workers", "2",
         "--threads", "4", "--bind", f"127.0.0.1:{port}"],
        cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _until(url: str, status: int, process: subprocess.Popen, timeout: float = 600) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"bench_server: gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == status:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code == status:
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"bench_server: {url} did not answer {status} within {timeout} s")


def _first_page(url: str) -> float:
    client = DashClient(url)
    start = time.perf_counter()
    client.load_page()
    client.initial_graph()
    client.close()
    return time.perf_counter() - start


def _cpu_seconds(process: subprocess.Popen) -> float:
    """CPU seconds (user + system) used so far by the gunicorn master and its live workers,
    from /proc (0.0 where there is none): on a shared machine the wall clock says how busy
    the others were, this says what the server itself did."""
    total, pids = 0.0, [process.pid]
    while pids:
        pid = pids.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            for task in Path(f"/proc/{pid}/task").iterdir():
                pids += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile, or no /proc here
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


class _Steps:
    """Each step's wall and server CPU seconds, as ``run_hosted`` reports them."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def mark(self, process: subprocess.Popen) -> tuple[float, float]:
        return time.perf_counter(), _cpu_seconds(process)

    def done(self, name: str, since: tuple[float, float], process: subprocess.Popen) -> None:
        wall, cpu = self.mark(process)
        self.times[name], self.cpu[name] = wall - since[0], cpu - since[1]


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run_hosted(max_mb: float) -> tuple[dict[str, float], dict[str, int]]:
    """Seconds of each hosted step, and the snapshot's size: (timings, facts)."""
    import socket
    import urllib.request

    from benchmarks.adversarial import realistic_of_size

    limit = int(max_mb * 1024 * 1024)
    snapshot = realistic_of_size(limit)
    body = snapshot.to_json().encode()
    facts = {"bytes": len(body), "callbacks": len(snapshot.callbacks), "limit": limit}
    with tempfile.TemporaryDirectory(prefix="bench-hosted-") as scratch:
        config = Path(scratch) / "projects.toml"
        config.write_text(f'[[projects]]\nname = "big"\ntarget = '
                          f'"{REPO_ROOT / "examples" / "clean_app.py"}"\n', encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("DCE_")}
        env.update(DCE_CONFIG=str(config), DCE_DATA_DIR=str(Path(scratch) / "data"),
                   DCE_API_TOKEN="bench", DCE_MAX_UPLOAD_MB=str(max_mb))
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        url = f"http://127.0.0.1:{port}"
        steps = _Steps()
        process = _gunicorn(env, port)
        try:
            _until(url + "/readyz", 200, process)
            start = steps.mark(process)
            request = urllib.request.Request(
                url + "/api/projects/big/snapshots", data=body, method="POST",
                headers={"Authorization": "Bearer bench", "Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=600) as response:
                if response.status != 201:
                    raise SystemExit(f"bench_server: upload answered {response.status}")
            steps.done("upload (validate, store, analyse, store the result)", start, process)
            page = steps.mark(process)
            _first_page(url)
            steps.done("first page after the upload", page, process)
            steps.done("upload to first page", start, process)
            again = steps.mark(process)
            _first_page(url)
            steps.done("first page again", again, process)
        finally:
            _stop(process)
        start = (time.perf_counter(), 0.0)  # a new process tree: its CPU counts from zero
        process = _gunicorn(env, port)
        try:
            _until(url + "/healthz", 200, process)
            steps.done("restart to live (/healthz 200)", start, process)
            _until(url + "/readyz", 200, process)
            steps.done("restart to ready (/readyz 200)", start, process)
            page = steps.mark(process)
            _first_page(url)
            steps.done("first page after the restart", page, process)
        finally:
            _stop(process)
    facts["cpu"] = steps.cpu  # type: ignore[assignment]
    return steps.times, facts


def hosted_markdown(max_mb: float, times: dict[str, float], facts: dict[str, int]) -> str:
    cpu = facts.get("cpu", {})
    lines = ["| step | seconds | server CPU seconds |", "|---|---:|---:|"]
    lines += [f"| {name} | {seconds:.2f} | {cpu.get(name, 0.0):.2f} |"
              for name, seconds in times.items()]
    total = times["upload to first page"]
    return (
        f"Measured with `python benchmarks/bench_server.py --hosted --max-upload-mb {max_mb:g}` "
        f"on {machine_summary()}. Real gunicorn (2 gthread workers, 4 threads) on loopback; "
        f"upload limit {facts['limit']:,} bytes (`DCE_MAX_UPLOAD_MB`, default 20); the "
        f"largest realistic snapshot under it: {facts['bytes']:,} bytes, "
        f"{facts['callbacks']:,} callbacks. The page may be served by the worker that did "
        f"not take the upload: it reads the stored result and lints nothing. Server CPU: "
        f"user + system seconds of gunicorn's processes during the step (both workers; "
        f"the wall clock also counts what others ran on the machine meanwhile).\n\n"
        + "\n".join(lines) + "\n\n"
        f"Target: upload to first page < {HOSTED_TARGET_S:.0f} s — "
        f"{'met' if total < HOSTED_TARGET_S else 'NOT met'} ({total:.1f} s).\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--callbacks", type=int, default=5_000, help="N (default 5,000)")
    parser.add_argument("--repeats", type=int, default=100, help="clicks and searches")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--write", type=Path, help="update this Markdown file's section")
    parser.add_argument("--hosted", action="store_true",
                        help="the hosted server: largest upload to first page, restart")
    parser.add_argument("--max-upload-mb", type=float, default=20.0,
                        help="--hosted: the server's upload limit (default 20)")
    args = parser.parse_args(argv)
    if args.hosted:
        times, facts = run_hosted(args.max_upload_mb)
        publish(hosted_markdown(args.max_upload_mb, times, facts), args.write, HOSTED_SECTION)
        return 0
    if args.callbacks < 10 or args.repeats < 1:
        parser.error("--callbacks must be at least 10 and --repeats at least 1")
    samples, once = run(args.callbacks, args.repeats, args.seed)
    publish(markdown(args.callbacks, args.repeats, samples, once), args.write, SECTION)
    return 0


if __name__ == "__main__":
    sys.exit(main())
