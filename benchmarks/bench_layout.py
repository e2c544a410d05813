"""Where to compute graph positions: dagre in the browser vs the server's layered layout.

For detail views of growing size (the first k chains of a generated 5,000-callback app, as
the explorer draws them: components holding their properties, callbacks, edges) the script
times, side by side in one run:

- **browser dagre**: in headless Chromium, on the explorer page's own cytoscape instance
  (dagre loaded on demand as the explorer loads it, before timing), remove everything, add
  the elements and run the explorer's hierarchical layout (``explorer.layout.graph_layout("dagre")``);
- **server layout**: ``explorer.view.aggregate.with_positions`` in Python, then in the browser the
  same elements added with those positions and the ``preset`` layout run.

Times are medians of ``--repeats`` runs, in-page ``performance.now()`` for the browser parts.

    python benchmarks/bench_layout.py
    python benchmarks/bench_layout.py --write docs/performance.md
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # run as a script from anywhere
from analysis.probe.runner import snapshot_target  # noqa: E402
from analysis.snapshot import save_snapshot, write_atomic  # noqa: E402
from benchmarks.bench_browser import kill_browser, open_browser, poll, serve  # noqa: E402
from benchmarks.bench_browser import DRAWN_JS  # noqa: E402
from benchmarks.generate_app import generate_app  # noqa: E402
from benchmarks.report import machine_summary, write_section  # noqa: E402
from docs.screenshot import stop_server  # noqa: E402
from explorer.view.aggregate import with_positions  # noqa: E402
from explorer.view.elements import build_elements  # noqa: E402
from explorer.layout import graph_layout  # noqa: E402
from explorer.services import SnapshotServices  # noqa: E402

SECTION = ("<!-- bench_layout:start -->", "<!-- bench_layout:end -->")
DEFAULT_CHAINS = (1, 3, 10, 30)  # at 100 chains dagre runs past WebDriver's 30 s script limit

RUN_LAYOUT_JS = """
const [elements, layout] = arguments;
const root = document.getElementById("graph");
const cy = [root, ...root.querySelectorAll("div")].find((el) => el._cyreg)._cyreg.cy;
cy.elements().remove();
const start = performance.now();
cy.add(elements);
cy.layout(layout).run();
return performance.now() - start;
"""

#: The explorer loads dagre with dash-cytoscape's extra bundle when it is first asked for
#: (assets/cytoscape_extras.js): load it before timing, as a user's second dagre run finds it.
LOAD_EXTRAS_JS = """
const done = arguments[arguments.length - 1];
window.dceCytoscapeExtras.load().then(() => done(true), (error) => done(String(error)));
"""


def detail_elements(services: SnapshotServices, chains: int) -> list[dict]:
    wanted = {f"c{chain}-" for chain in range(chains)}
    keys = {k for k, cb in services.catalog.callbacks.items()
            if cb.name.split("_")[0].removeprefix("chain").isdigit()
            and int(cb.name.split("_")[0].removeprefix("chain")) < chains}
    for key in list(keys):
        keys.update(services.graph.predecessors(key))
        keys.update(services.graph.successors(key))
    assert wanted
    return build_elements(services.graph, services.catalog, frozenset(keys))


def median_ms(values: list[float]) -> float:
    return statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chains", default=",".join(map(str, DEFAULT_CHAINS)),
                        help="comma-separated numbers of 10-callback chains per view")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--write", type=Path, help="update this Markdown file's section")
    args = parser.parse_args(argv)
    sizes = [int(part) for part in args.chains.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-layout-") as scratch:
        folder = Path(scratch)
        app = folder / "app.py"
        write_atomic(app, generate_app(max(sizes) * 10))
        services = SnapshotServices(snapshot_target(str(app), timeout=600))
        snapshot = folder / "snapshot.json"
        small = SnapshotServices(snapshot_target(str(_small_app(folder)), timeout=120))
        save_snapshot(small.snapshot, snapshot)
        py = shlex.quote(sys.executable)
        server, url = serve(f"{py} app.py --snapshot {shlex.quote(str(snapshot))} --port {{port}}",
                            folder, "explorer", 120)
        driver = open_browser("#graph")
        try:
            driver.get(url)
            if not poll(driver, DRAWN_JS, time.monotonic() + 120):
                raise SystemExit("bench_layout: the explorer page never drew its graph")
            loaded = driver.execute_async_script(LOAD_EXTRAS_JS)
            if loaded is not True:
                raise SystemExit(f"bench_layout: the extra bundle did not load: {loaded}")
            for chains in sizes:
                elements = detail_elements(services, chains)
                dagre, server_ms, preset = [], [], []
                for _ in range(args.repeats):
                    dagre.append(driver.execute_script(RUN_LAYOUT_JS, elements, graph_layout("dagre")))
                    start = time.perf_counter()
                    placed = with_positions(elements)
                    server_ms.append((time.perf_counter() - start) * 1000)
                    preset.append(driver.execute_script(
                        RUN_LAYOUT_JS, placed, {"name": "preset", "fit": True, "padding": 20}))
                nodes = sum(1 for e in elements if "source" not in e["data"])
                rows.append((chains * 10, nodes, len(elements) - nodes, median_ms(dagre),
                             median_ms(server_ms), median_ms(preset)))
                print(rows[-1], file=sys.stderr, flush=True)
        finally:
            kill_browser(driver)
            stop_server(server)
    lines = ["| callbacks | nodes | edges | browser dagre (ms) | server layout (ms) | "
             "browser preset (ms) | server + preset (ms) | dagre / (server + preset) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for callbacks, nodes, edges, dagre, server_ms, preset in rows:
        both = server_ms + preset
        lines.append(f"| {callbacks:,} | {nodes:,} | {edges:,} | {dagre:.0f} | {server_ms:.0f} "
                     f"| {preset:.0f} | {both:.0f} | {dagre / both:.1f}× |")
    report = (f"Measured with `python benchmarks/bench_layout.py` on {machine_summary()}; "
              f"medians of {args.repeats} runs.\n\n" + "\n".join(lines) + "\n")
    print(report)
    if args.write:
        write_section(args.write, report, SECTION)
    return 0


def _small_app(folder: Path) -> Path:
    app = folder / "small" / "app.py"
    write_atomic(app, generate_app(10))
    return app


if __name__ == "__main__":
    sys.exit(main())
