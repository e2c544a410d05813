"""Cost of the live plugin: the same fixture app with and without it, in one run, per callback request.

Two apps from ``tests/apps/live/live_app.py`` share one process: **bare** (no plugin; the
``dash_hooks`` entry point installed, as ``pip install`` leaves it, and
``DASH_CALLBACK_EXPLORER_LIVE`` unset) and **live** (``plugins=[explorer.live.plugin()]``).
Each is driven through Flask's test client with the renderer's requests (a click, the chain it
causes, a PreventUpdate), alternating between the apps request by request so drift in machine
load falls on both. The overhead is the difference of the per-request medians (and means).
"Nothing when disabled" is checked, not timed: the bare app has no hook, no route of ours.

    python benchmarks/bench_live.py                      # 3,000 requests per app
    python benchmarks/bench_live.py --requests 500 --write docs/performance.md
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO_ROOT), str(REPO_ROOT / "tests"), str(REPO_ROOT / "tests" / "live")]
from benchmarks.report import machine_summary, write_section  # noqa: E402

MARKERS = ("<!-- bench_live:start -->", "<!-- bench_live:end -->")
TARGET_MS = 1.0
#: What the renderer sends for a click on "go", the chained step2, and a PreventUpdate.
REQUESTS = (
    ("step1.children", {"go.n_clicks": 1}, ["go.n_clicks"]),
    ("step2.children", {"step1.children": "step 1"}, ["step1.children"]),
    ("halted.children", {"halt.n_clicks": 1}, ["halt.n_clicks"]),
)


def install_entry_point(folder: Path) -> None:
    """A dist-info declaring our ``dash_hooks`` entry point, on sys.path before Dash looks."""
    dist = folder / "dash_callback_explorer_bench-0.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: dce-bench\nVersion: 0.0\n")
    (dist / "entry_points.txt").write_text(
        "[dash_hooks]\ndash_callback_explorer_live = dash_callback_explorer_live\n")
    sys.path.insert(0, str(folder))


def ours(app) -> list[str]:
    """Hooks and routes of the live plugin on an app's server."""
    server = app.server
    hooks = [f for funcs in (server.before_request_funcs, server.after_request_funcs,
                             server.teardown_request_funcs) for f in funcs.get(None, ())]
    return ([getattr(f, "__qualname__", "?") for f in hooks
             if getattr(f, "__module__", "").startswith("explorer.")]
            + [r.rule for r in server.url_map.iter_rules() if "_dce" in r.rule])


def run(requests: int) -> dict:
    os.environ.pop("DASH_CALLBACK_EXPLORER_LIVE", None)
    with tempfile.TemporaryDirectory() as folder:
        install_entry_point(Path(folder))
        import explorer.live
        from live_support import fixture_module, update

        make_app = fixture_module().make_app
        bare = make_app()
        live = make_app(plugins=[explorer.live.plugin()])
    assert "dash_callback_explorer_live" in sys.modules, "Dash did not load the entry point"
    clients = {"bare": bare.server.test_client(), "live": live.server.test_client()}
    times: dict[str, list[float]] = {name: [] for name in clients}
    for client in clients.values():  # set up and warm: first requests, caches, imports
        client.get("/")
        for output, inputs, changed in REQUESTS * 20:
            update(client, output, inputs, changed)
    for i in range(requests):
        output, inputs, changed = REQUESTS[i % len(REQUESTS)]
        for name in (("bare", "live") if i % 2 else ("live", "bare")):
            start = time.perf_counter()
            update(clients[name], output, inputs, changed)
            times[name].append((time.perf_counter() - start) * 1000)
    log = clients["live"].get("/_dce/live/calls").get_json()
    return {"times": times, "disabled_extras": ours(bare), "live_extras": ours(live),
            "recorded": len(log["calls"]) + log["dropped"], "hooks_us": hook_cost(live, requests)}


def hook_cost(app, requests: int) -> float:
    """Microseconds the plugin's own hooks take per callback request (before, after, teardown
    on a click's request and response), timed directly: the test-client figures above carry
    the machine's noise, this is the plugin's share alone."""
    import flask

    from explorer.live.recorder import EXTENSION

    plugin = app.server.extensions[EXTENSION]
    output, inputs, changed = REQUESTS[0]
    body = {"output": output, "outputs": {"id": "step1", "property": "children"},
            "inputs": [{"id": "go", "property": "n_clicks", "value": 1}],
            "changedPropIds": changed}
    answer = b'{"multi":true,"response":{"step1":{"children":"step 1"}}}'
    with app.server.test_request_context("/_dash-update-component", method="POST", json=body):
        flask.request.get_json()  # Dash parses the body before the plugin reads it
        response = flask.Response(answer, mimetype="application/json")
        start = time.perf_counter()
        for _ in range(requests):
            plugin._before()
            plugin._after(response)
            plugin._teardown(None)
        return (time.perf_counter() - start) / requests * 1e6


def report(result: dict, requests: int) -> str:
    bare, live = result["times"]["bare"], result["times"]["live"]
    rows = [(name, statistics.median(t), statistics.fmean(t),
             statistics.quantiles(t, n=20)[18]) for name, t in (("bare", bare), ("live", live))]
    overhead = rows[1][1] - rows[0][1]
    mean_overhead = rows[1][2] - rows[0][2]
    disabled = result["disabled_extras"]
    lines = [
        f"Measured with `python benchmarks/bench_live.py --requests {requests}` on "
        f"{machine_summary()}. Flask test client in one process; the two apps' requests "
        f"alternate (a click, its chained request, a PreventUpdate, in turn).",
        "",
        "| app | requests | p50 (ms) | mean (ms) | p95 (ms) |",
        "|---|---:|---:|---:|---:|",
        *[f"| {name} | {requests} | {p50:.3f} | {mean:.3f} | {p95:.3f} |"
          for name, p50, mean, p95 in rows],
        "",
        f"Overhead per callback request: {overhead:+.3f} ms at the median "
        f"({mean_overhead:+.3f} ms on the mean, which the machine's load spikes dominate); "
        f"the plugin's hooks timed on their own: {result['hooks_us']:.1f} µs per request "
        f"(target < {TARGET_MS:g} ms: "
        f"{'met' if max(overhead, result['hooks_us'] / 1000) < TARGET_MS else 'NOT met'}); "
        f"the live app recorded {result['recorded']} requests.",
        f"Disabled (entry point installed, `DASH_CALLBACK_EXPLORER_LIVE` unset): "
        f"{len(disabled)} hooks or routes of ours on the app"
        f"{' — nothing' if not disabled else ': ' + ', '.join(disabled)}; enabled: "
        f"{len(result['live_extras'])} (3 Flask hooks, 3 routes).",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="requests per app")
    parser.add_argument("--write", type=Path, help="put the report in this Markdown file")
    args = parser.parse_args(argv)
    result = run(args.requests)
    text = report(result, args.requests)
    print(text)
    if args.write:
        write_section(args.write, text, MARKERS)
    return 0 if not result["disabled_extras"] else 1


if __name__ == "__main__":
    sys.exit(main())
