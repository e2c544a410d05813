"""Page-to-graph time in headless Chromium: the explorer vs Dash's dev-tools callback graph.

For each N (default 100, 1,000, 5,000) the script generates a synthetic app with N callbacks
(``benchmarks/generate_app.py``, chains of 10) and measures, side by side in one run:

- **explorer**: the app is linted once with ``python -m analysis APP --save-snapshot S``
  (not timed: probe time is bench_lint's subject), the explorer is started on it with
  ``python app.py --snapshot S`` and, once it serves, the page is opened; the time runs from
  navigation start to the first view of the graph drawn. The first open after start-up is
  reported apart from the following ones (``--repeats``) since it also fills the server's
  per-snapshot caches.
- **Dash dev tools**: the generated app is served with ``app.run(debug=True)`` (dev tools UI,
  callback validation in the browser, as a developer runs it); the page is opened (page load:
  navigation start until the layout and the dev-tools menu are there), then the "Callbacks"
  button of the dev-tools menu is clicked; the time runs from the click to its graph drawn.

"Drawn" is detected in the page itself by a watcher injected before any page script runs
(``Page.addScriptToEvaluateOnNewDocument``): it finds the cytoscape instance of the graph
(``element._cyreg.cy``), waits for nodes laid out (a non-degenerate bounding box), then for
two animation frames, so the canvas has painted; times are read from ``performance.now()``
in the page (no polling latency). Each run has a time limit (``--limit``, ``--limit-large``
from N = 2,000 up); a run past it is recorded as "did not finish" and its browser killed.

Chromium flags: --headless --no-sandbox --disable-gpu --disable-background-networking
--disable-component-update --disable-sync, window 1600x1000.

Usage, from the repository root::

    python benchmarks/bench_browser.py                         # Markdown on stdout
    python benchmarks/bench_browser.py --sizes 100 --repeats 1
    python benchmarks/bench_browser.py --write docs/performance.md

``--write`` replaces the section between ``<!-- bench_browser:start -->`` and
``<!-- bench_browser:end -->`` of that file (or appends it), atomically. Exit code 0; 2 when
the explorer or the generated app cannot be started.
"""

from __future__ import annotations

import argparse
import shlex
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
from benchmarks.bench_lint import parse_sizes  # noqa: E402
from benchmarks.generate_app import generate_app  # noqa: E402
from benchmarks.report import machine_summary, publish  # noqa: E402
from docs.screenshot import free_port, start_server, stop_server, wait_until_serving  # noqa: E402

DEFAULT_SIZES = (100, 1_000, 5_000)
SECTION = ("<!-- bench_browser:start -->", "<!-- bench_browser:end -->")
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-dev-shm-usage", "--window-size=1600,1000")
TARGET_SECONDS = 3.0  # issue 6: the explorer's first view at N = 5,000 in under 3 s

#: Runs in every page before its own scripts: records when the graph under ROOT is drawn.
WATCHER_JS = """
(() => {
  window.__bench = {drawnAt: null, nodes: 0, root: "__ROOT__"};
  function cyUnder(root) {
    if (!root) { return null; }
    const holder = [root, ...root.querySelectorAll("div")].find((el) => el._cyreg && el._cyreg.cy);
    return holder ? holder._cyreg.cy : null;
  }
  const timer = setInterval(() => {
    const state = window.__bench;
    if (!state.root || state.drawnAt !== null || state.pending) { return; }
    const cy = cyUnder(document.querySelector(state.root));
    if (!cy || cy.destroyed()) { return; }
    const nodes = cy.nodes();
    if (!nodes.length || !document.querySelector(state.root + " canvas")) { return; }
    const box = nodes.boundingBox();
    if (nodes.length > 1 && box.w < 1 && box.h < 1) { return; }  // not laid out yet
    state.pending = true;
    requestAnimationFrame(() => requestAnimationFrame(() => {
      state.drawnAt = performance.now();
      state.nodes = cy.nodes().length;
      state.edges = cy.edges().length;
      clearInterval(timer);
    }));
  }, 25);
})();
"""

DRAWN_JS = "const s = window.__bench; return s && s.drawnAt !== null ? s : null;"
DEVTOOLS_READY_JS = """
const button = document.getElementById("dash-debug-menu__callback-graph-button");
const last = document.getElementById(arguments[0]);
return button && last ? performance.now() : null;
"""
#: Clicks "Callbacks" in a later task: the click renders the graph synchronously, which can
#: take minutes, and WebDriver would give up waiting for the script.
#: Idempotent: a busy tab can time the script out and still run it later, and it is retried.
CLICK_CALLBACKS_JS = """
if (window.__bench.clickQueued) { return true; }
window.__bench.clickQueued = true;
setTimeout(() => {
  window.__bench.clickAt = performance.now();
  document.getElementById("dash-debug-menu__callback-graph-button").click();
}, 0);
"""

SERVE_DEBUG = '''"""Serve the generated app the way a developer does while building it: debug=True."""
import runpy, sys
app = runpy.run_path(sys.argv[1])["app"]
app.run(debug=True, use_reloader=False, host="127.0.0.1", port=int(sys.argv[2]))
'''


class BenchError(Exception):
    """A server or the browser could not be started: the benchmark cannot go on."""


@dataclass(frozen=True)
class Outcome:
    seconds: float | None  # None: did not finish within the limit
    nodes: int = 0
    note: str = ""


@dataclass(frozen=True)
class Row:
    n: int
    explorer_first: Outcome
    explorer_again: list[Outcome]
    devtools_page: Outcome
    devtools_graph: Outcome

    def explorer_median(self) -> float | None:
        times = [o.seconds for o in self.explorer_again if o.seconds is not None]
        return statistics.median(times) if times else None


def open_browser(root: str):
    """Headless Chromium whose pages report when the graph under the CSS selector ``root``
    is drawn."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.page_load_strategy = "none"  # get() returns at once; the watcher does the timing
    driver = webdriver.Chrome(options=options)
    watcher = WATCHER_JS.replace("__ROOT__", root)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": watcher})
    return driver


def kill_browser(driver) -> None:
    """Quit, or kill chromedriver and every Chromium process under it (a hung tab)."""
    import psutil

    process = getattr(getattr(driver, "service", None), "process", None)
    try:
        tree = psutil.Process(process.pid).children(recursive=True) if process else []
    except psutil.NoSuchProcess:
        tree = []
    for child in tree:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    if process and process.poll() is None:
        process.kill()
        process.wait()


def poll(driver, script: str, deadline: float, *args) -> object:
    """Run ``script`` until it returns something truthy or the deadline passes (-> None)."""
    from selenium.common.exceptions import WebDriverException
    from urllib3.exceptions import HTTPError

    while time.monotonic() < deadline:
        try:
            value = driver.execute_script(script, *args)
        except (WebDriverException, HTTPError, OSError):
            value = None  # the tab is busy: the command timed out
        if value:
            return value
        time.sleep(0.1)
    return None


def with_browser_timeout(seconds: float) -> None:
    """Let one WebDriver command wait at most this long for a busy tab."""
    from selenium.webdriver.remote.remote_connection import RemoteConnection

    RemoteConnection.set_timeout(seconds)


def time_explorer(url: str, limit: float) -> Outcome:
    driver = open_browser("#graph")
    try:
        driver.get(url)
        state = poll(driver, DRAWN_JS, time.monotonic() + limit)
        if not state:
            return Outcome(None, note=f"did not finish in {limit:.0f} s")
        return Outcome(state["drawnAt"] / 1000, state["nodes"])
    finally:
        kill_browser(driver)


def time_devtools(url: str, last_id: str, limit: float) -> tuple[Outcome, Outcome]:
    driver = open_browser(".dash-callback-dag--container")
    try:
        driver.get(url)
        ready = poll(driver, DEVTOOLS_READY_JS, time.monotonic() + limit, last_id)
        if not ready:
            dnf = Outcome(None, note=f"page did not load in {limit:.0f} s")
            return dnf, Outcome(None, note="not reached (page did not load)")
        page = Outcome(ready / 1000)
        deadline = time.monotonic() + limit
        poll(driver, CLICK_CALLBACKS_JS + "return true;", deadline)  # retried while busy
        state = poll(driver, DRAWN_JS, deadline)
        if not state:
            return page, Outcome(None, note=f"did not finish in {limit:.0f} s")
        return page, Outcome((state["drawnAt"] - state["clickAt"]) / 1000, state["nodes"])
    finally:
        kill_browser(driver)


def serve(command: str, scratch: Path, name: str, startup: float) -> tuple[subprocess.Popen, str]:
    port = free_port()
    log = scratch / f"{name}.log"
    server = start_server(command.replace("{port}", str(port)), port, log)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(server, url, startup, log)
    except Exception as error:  # ScreenshotError: the server died or never answered
        stop_server(server)
        raise BenchError(f"{name}: {error}") from None
    return server, url


def bench_size(n: int, scratch: Path, repeats: int, limit: float) -> Row:
    folder = scratch / f"synthetic_{n}"
    app = folder / "app.py"
    write_atomic(app, generate_app(n))
    snapshot = folder / "snapshot.json"
    lint = subprocess.run([sys.executable, "-m", "analysis", str(app), "--format", "json",
                           "--save-snapshot", str(snapshot), "--timeout", "600"],
                          cwd=REPO_ROOT, capture_output=True, text=True)
    if lint.returncode not in (0, 1):
        raise BenchError(f"N={n}: lint failed: {lint.stderr.strip()[-300:]}")
    py = shlex.quote(sys.executable)
    server, url = serve(f"{py} app.py --snapshot {shlex.quote(str(snapshot))} --port {{port}}",
                        scratch, f"explorer-{n}", 120)
    try:
        first = time_explorer(url, limit)
        again = [time_explorer(url, limit) for _ in range(repeats)]
    finally:
        stop_server(server)
    write_atomic(folder / "serve_debug.py", SERVE_DEBUG)
    server, url = serve(f"{py} {shlex.quote(str(folder / 'serve_debug.py'))} "
                        f"{shlex.quote(str(app))} {{port}}", scratch, f"devtools-{n}", 300)
    try:
        last_chain = (n - 1) // 10
        last_id = f"c{last_chain}-s{(n - 1) % 10}"
        page, graph = time_devtools(url, last_id, limit)
    finally:
        stop_server(server)
    return Row(n, first, again, page, graph)


def fmt(outcome: Outcome | None, seconds: float | None = None) -> str:
    value = outcome.seconds if outcome else seconds
    if value is None:
        return f"did not finish ({outcome.note})" if outcome and outcome.note else "—"
    return f"{value:.2f}"


def markdown(rows: list[Row], repeats: int, limits: dict[int, float]) -> str:
    lines = [
        "| callbacks (N) | explorer: first open (s) | explorer: median of next "
        f"{repeats} (s) | explorer nodes drawn | dev tools: page load (s) | "
        "dev tools: click → graph (s) | dev-tools nodes | dev tools / explorer |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        explorer = row.explorer_first.seconds
        graph = row.devtools_graph.seconds
        if graph is not None and explorer:
            ratio = f"{graph / explorer:.1f}×"
        elif graph is None and explorer:
            ratio = f"> {limits[row.n] / explorer:.0f}× (dev tools did not finish in {limits[row.n]:.0f} s)"
        else:
            ratio = "—"
        lines.append(
            f"| {row.n:,} | {fmt(row.explorer_first)} | {fmt(None, row.explorer_median())} "
            f"| {row.explorer_first.nodes:,} | {fmt(row.devtools_page)} | {fmt(row.devtools_graph)} "
            f"| {row.devtools_graph.nodes:,} | {ratio} |"
        )
    verdict = ""
    big = next((row for row in rows if row.n == 5_000), None)
    if big and big.explorer_first.seconds is not None:
        met = big.explorer_first.seconds < TARGET_SECONDS
        verdict = (f"\nTarget at N = 5,000: explorer's first view drawn in < {TARGET_SECONDS:.0f} s "
                   f"— {'met' if met else 'NOT met'} ({big.explorer_first.seconds:.2f} s on first "
                   "open).\n")
    return (
        f"Measured with `python benchmarks/bench_browser.py` on {machine_summary()}.\n"
        "Limits per run: " + ", ".join(f"{limit:.0f} s at N = {n:,}" for n, limit in limits.items())
        + ". The ratio compares dev tools' click → graph with the explorer's whole first open "
        "(page load included).\n\n" + "\n".join(lines) + "\n" + verdict
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=list(DEFAULT_SIZES),
                        help="comma-separated callback counts (default: 100,1000,5000)")
    parser.add_argument("--repeats", type=int, default=3,
                        help="explorer re-opens after the first (default 3)")
    parser.add_argument("--limit", type=float, default=120.0,
                        help="seconds per run below N = 2,000 (default 120)")
    parser.add_argument("--limit-large", type=float, default=180.0,
                        help="seconds per run from N = 2,000 up (default 180)")
    parser.add_argument("--write", type=Path, help="update this Markdown file's section")
    args = parser.parse_args(argv)
    if args.repeats < 0 or args.limit <= 0 or args.limit_large <= 0:
        parser.error("--repeats must be >= 0 and the limits positive")
    limits = {n: args.limit if n < 2_000 else args.limit_large for n in args.sizes}
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="bench-browser-") as scratch:
            for n in args.sizes:
                print(f"N = {n:,} …", file=sys.stderr, flush=True)
                with_browser_timeout(min(limits[n], 30))
                rows.append(bench_size(n, Path(scratch), args.repeats, limits[n]))
                print(markdown(rows[-1:], args.repeats, limits), file=sys.stderr, flush=True)
    except BenchError as error:
        print(f"bench_browser: {error}", file=sys.stderr)
        return 2
    publish(markdown(rows, args.repeats, limits), args.write, SECTION)
    return 0


if __name__ == "__main__":
    sys.exit(main())
