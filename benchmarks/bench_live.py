"""Cost of the live plugin: the same fixture app without it, disabled and with it, in one run, per callback request.

Three apps from ``tests/apps/live/live_app.py`` share one process:

- **without**: created before our ``dash_hooks`` entry point is installed (Dash looked for
  entry points and found none);
- **disabled**: created once the entry point is installed, as ``pip install`` leaves it, with
  ``DASH_CALLBACK_EXPLORER_LIVE`` unset (Dash imports the entry point; it must add nothing);
- **live**: ``plugins=[explorer.live.plugin()]``.

Each is driven through Flask's test client with the renderer's requests (a click, the chain it
causes, a PreventUpdate), the three apps taking turns request by request so drift in machine
load falls on all of them; the order rotates so that each app comes first, second and third
equally often for each kind of request. The cost is the difference of the per-request medians
from **without** (and of the means); the two halves of the run are reported apart, to show
how stable the medians are. "Nothing when disabled" is both checked (the disabled app has no
hook, no route of ours: exit 1 otherwise) and timed (disabled against without).

    python benchmarks/bench_live.py                      # 5,000 requests per app
    python benchmarks/bench_live.py --requests 5000 --write docs/performance.md
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


#: The apps, in the order the report lists them.
APPS = ("without", "disabled", "live")


def forget_entry_points() -> None:
    """Make Dash look for ``dash_hooks`` entry points again at the next app, as a new process
    would: it scans them once per process (``HooksManager._registered``)."""
    from dash._hooks import HooksManager

    HooksManager._registered = False


def run(requests: int) -> dict:
    os.environ.pop("DASH_CALLBACK_EXPLORER_LIVE", None)
    import explorer.live
    from live_support import fixture_module, update

    make_app = fixture_module().make_app
    without = make_app()
    assert "dash_callback_explorer_live" not in sys.modules, "an entry point of ours was loaded"
    with tempfile.TemporaryDirectory() as folder:
        install_entry_point(Path(folder))
        forget_entry_points()
        disabled = make_app()
        live = make_app(plugins=[explorer.live.plugin()])
    assert "dash_callback_explorer_live" in sys.modules, "Dash did not load the entry point"
    apps = {"without": without, "disabled": disabled, "live": live}
    clients = {name: app.server.test_client() for name, app in apps.items()}
    times: dict[str, list[float]] = {name: [] for name in clients}
    for client in clients.values():  # set up and warm: first requests, caches, imports
        client.get("/")
        for output, inputs, changed in REQUESTS * 20:
            update(client, output, inputs, changed)
    for i in range(requests):
        output, inputs, changed = REQUESTS[i % len(REQUESTS)]
        # Each app takes each place in the turn equally often for each kind of request
        # (the first request after another kind pays for the change of kind).
        turn = (i // len(REQUESTS)) % len(APPS)
        for name in APPS[turn:] + APPS[:turn]:
            start = time.perf_counter()
            update(clients[name], output, inputs, changed)
            times[name].append((time.perf_counter() - start) * 1000)
    log = clients["live"].get("/_dce/live/calls").get_json()
    return {"times": times, "without_extras": ours(without), "disabled_extras": ours(disabled),
            "live_extras": ours(live), "recorded": len(log["calls"]) + log["dropped"],
            "hooks_us": hook_cost(live, requests)}


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


def _costs(times: dict[str, list[float]], name: str) -> tuple[float, float]:
    """An app's cost over **without**: the difference of the medians and of the means (ms)."""
    return (statistics.median(times[name]) - statistics.median(times["without"]),
            statistics.fmean(times[name]) - statistics.fmean(times["without"]))


def _halves(times: dict[str, list[float]], name: str) -> str:
    """The median cost in the run's first and second half: how much the figure moves."""
    cut = len(times["without"]) // 2
    parts = [{k: v[:cut] for k, v in times.items()}, {k: v[cut:] for k, v in times.items()}]
    return " / ".join(f"{_costs(part, name)[0]:+.3f}" for part in parts)


def report(result: dict, requests: int) -> str:
    times = result["times"]
    rows = [(name, statistics.median(t), statistics.fmean(t), statistics.quantiles(t, n=20)[18])
            for name, t in ((name, times[name]) for name in APPS)]
    live_median, live_mean = _costs(times, "live")
    off_median, off_mean = _costs(times, "disabled")
    disabled = result["disabled_extras"]
    met = max(live_median, result["hooks_us"] / 1000) < TARGET_MS
    lines = [
        f"Measured with `python benchmarks/bench_live.py --requests {requests}` on "
        f"{machine_summary()}. Flask test client in one process; the three apps take turns "
        f"request by request (a click, its chained request, a PreventUpdate, in turn).",
        "",
        "| app | requests | p50 (ms) | mean (ms) | p95 (ms) |",
        "|---|---:|---:|---:|---:|",
        *[f"| {name} | {requests} | {p50:.3f} | {mean:.3f} | {p95:.3f} |"
          for name, p50, mean, p95 in rows],
        "",
        f"Plugin on, per callback request: {live_median:+.3f} ms at the median (halves of the "
        f"run: {_halves(times, 'live')}; {live_mean:+.3f} ms on the mean, which the machine's "
        f"load spikes dominate); its hooks timed on their own: {result['hooks_us']:.1f} µs "
        f"per request (target < {TARGET_MS:g} ms: {'met' if met else 'NOT met'}); the live "
        f"app recorded {result['recorded']} requests.",
        f"Disabled (entry point installed, `DASH_CALLBACK_EXPLORER_LIVE` unset): "
        f"{off_median:+.3f} ms at the median (halves: {_halves(times, 'disabled')}; "
        f"{off_mean:+.3f} ms on the mean), and {len(disabled)} hooks or routes of ours on the "
        f"app{' — nothing' if not disabled else ': ' + ', '.join(disabled)}; enabled: "
        f"{len(result['live_extras'])} (3 Flask hooks, 3 routes).",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000, help="requests per app")
    parser.add_argument("--write", type=Path, help="put the report in this Markdown file")
    args = parser.parse_args(argv)
    result = run(args.requests)
    text = report(result, args.requests)
    print(text)
    if args.write:
        write_section(args.write, text, MARKERS)
    return 0 if not (result["disabled_extras"] or result["without_extras"]) else 1


if __name__ == "__main__":
    sys.exit(main())
