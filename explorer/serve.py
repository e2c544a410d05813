"""The explorer's command line: ``python app.py`` / ``dash-callback-explorer serve`` open it."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dash import Dash

from analysis.environment import Interpreter, interpreter_for
from analysis.errors import AnalysisError, ConfigError, ProbeError
from analysis.runtime.checks import Thresholds
from analysis.snapshot import Snapshot
from analysis.diff.model import Side
from explorer.app import create_app, default_cache_dir
from explorer.comparisons import ComparedServices, ComparisonProject, comparison_project
from explorer.livefeed import LiveFeed, live_url
from explorer.projects import Project, ProjectStore, project_name
from explorer.resources import DEMO
from explorer.watch import ProjectWatcher

PROG = "python app.py"


def projects_from(targets: list[str], snapshots: list[str], python: str | None,
                  timeout: float) -> list[Project]:
    """One project per target and per snapshot file; the demo when none is given."""
    taken: set[str] = set()
    found: list[Project] = []
    for target in targets:
        name = project_name(target, taken)
        taken.add(name)
        found.append(Project(name, target=target, python=target_python(target, python),
                             timeout=timeout))
    for path in snapshots:
        name = project_name(path, taken)
        taken.add(name)
        found.append(Project(name, snapshot_file=path))
    return found or [Project("demo", target=str(DEMO), python=python, timeout=timeout)]


def target_python(target: str, python: str | None) -> str | None:
    """The interpreter for a target, found as the linter finds it (``--python``, the active
    virtualenv, a project ``.venv``/``venv``); None for this process's own."""
    found = interpreter_for(target, python)
    return None if found.path == sys.executable else found.path


def interpreter_lines(targets: list[str], snapshots: list[str], python: str | None) -> list[str]:
    """What serving says first, as the lint's first line does: the interpreter each target's
    probe runs (the embedded demo's: ``--python`` or ours), named by project when several."""
    if not targets and not snapshots:
        demo = Interpreter(python, "--python") if python else Interpreter(sys.executable,
                                                                          "this tool's own")
        return [demo.describe()]
    taken: set[str] = set()
    lines = []
    for target in targets:
        name = project_name(target, taken)
        taken.add(name)
        lines.append(interpreter_for(target, python).describe()
                     + (f" for {name}" if len(targets) > 1 else ""))
    return lines


class OneLineParser(argparse.ArgumentParser):
    """Bad options: one line naming the problem and where help is, exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"error: {message} (see {self.prog} --help)\n")


def parse_args(argv: list[str], prog: str = PROG) -> argparse.Namespace:
    parser = OneLineParser(
        prog=prog, description="Explore a Dash project's callback graph and findings.",
    )
    parser.add_argument("targets", nargs="*", metavar="TARGET",
                        help="a Dash app file, project folder or module[:attr] (default: the demo)")
    parser.add_argument("--snapshot", action="append", default=[], metavar="FILE",
                        help="open a saved snapshot (no target code runs); repeatable")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--python", metavar="PATH", help="interpreter that imports the targets")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="how long a probe may take (default 60)")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help=f"background jobs and results (default {default_cache_dir()})")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode")
    parser.add_argument("--watch", action="store_true",
                        help="analyse a target again when a Python file or pyproject.toml "
                             "under its project root changes; open pages follow without a "
                             "reload, keeping selection, filters and focus")
    parser.add_argument("--compare", nargs="+", metavar="BASE [HEAD]",
                        help="open the comparison of two versions as one graph: each a "
                             "snapshot .json, a target, or git:REF (the target at that git "
                             "ref); HEAD defaults to the first TARGET (the working tree)")
    parser.add_argument("--live", metavar="URL",
                        help="overlay what the running app at URL does (its live plugin's "
                             "calls, docs/live.md) on the one TARGET or --snapshot, which "
                             "should be that app")
    parser.add_argument("--live-per-action", type=int, metavar="N",
                        help="RUNTIME001 past N requests of one callback for one action "
                             "(default: pyproject's live-per-action, else "
                             f"{Thresholds.per_action})")
    parser.add_argument("--live-slow-ms", type=float, metavar="MS",
                        help="RUNTIME002 past MS for page-load calls (p95; default: "
                             f"pyproject's live-slow-ms, else {Thresholds.slow_load_ms:.0f})")
    parser.add_argument("--config", metavar="TOML",
                        help="serve the projects of a projects file, as the hosted mode does "
                             "(docs/hosting.md); DCE_* variables apply")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, prog: str = PROG) -> int:
    """Open the explorer on the command line's projects; returns the exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv, prog)
    if args.config:
        return serve_config(args)
    try:
        feed = live_feed(args)
        store = build_store(args)
    except AnalysisError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    for line in interpreter_lines(args.targets, args.snapshot, args.python):
        print(line, file=sys.stderr)
    # Dash's debug reloader runs this twice: the watching belongs to the serving child.
    reloader_parent = args.debug and os.environ.get("WERKZEUG_RUN_MAIN") != "true"
    watcher = ProjectWatcher(store) if args.watch and not reloader_parent else None
    explorer = create_app(store, cache_dir=args.cache_dir, watcher=watcher, live_feed=feed)
    if feed is not None:
        print(f"Overlaying the calls of {feed.url} on {feed.project}", file=sys.stderr)
    if watcher is not None:
        where = ", ".join(str(folder) for folder in watcher.folders())
        print(f"Watching {where or 'no target (snapshot files only)'} for changes",
              file=sys.stderr)
    print(f"Dash Callback Explorer on http://{args.host}:{args.port}/", file=sys.stderr)
    try:
        explorer.run(host=args.host, port=args.port, debug=args.debug)
    finally:
        if watcher is not None:
            watcher.stop()
    return 0


def live_feed(args: argparse.Namespace) -> LiveFeed | None:
    """``--live URL``: the running app whose calls overlay the one project named."""
    if not args.live:
        return None
    named = len(args.targets) + len(args.snapshot)
    if named != 1:
        raise ConfigError("--live needs exactly one TARGET or --snapshot: the app that URL "
                          f"serves (got {named})")
    if (args.live_per_action is not None and args.live_per_action < 1) or (
            args.live_slow_ms is not None and args.live_slow_ms <= 0):
        raise ConfigError("--live-per-action and --live-slow-ms must be positive")
    project = projects_from(args.targets, args.snapshot, None, 1.0)[0]
    given = project.settings().thresholds  # the project's pyproject.toml, else the defaults
    return LiveFeed(live_url(args.live), project.name, Thresholds(
        given.per_action if args.live_per_action is None else args.live_per_action,
        given.slow_load_ms if args.live_slow_ms is None else args.live_slow_ms))


def build_store(args: argparse.Namespace) -> ProjectStore:
    """The projects named on the command line, analysed (concurrently) before serving.

    A target that does not exist, or a bad snapshot file, is bad input (AnalysisError);
    a target whose import fails opens anyway, showing the probe's error, so it can be
    fixed and analysed again from the page.
    """
    if args.timeout <= 0:
        raise ConfigError("--timeout must be a positive number of seconds")
    if args.python and not Path(args.python).exists():
        raise ConfigError(f"--python interpreter not found: {args.python}")
    cache = Path(args.cache_dir) if args.cache_dir else default_cache_dir()
    comparison = load_comparison(args)
    projects = (projects_from(args.targets, args.snapshot, args.python, args.timeout)
                if comparison is None or args.targets or args.snapshot else [])
    store = ProjectStore(([comparison[0]] if comparison else []) + projects,
                         results_dir=cache / "results")
    if comparison is not None:
        project, services, head = comparison
        store.show(project.name, services)
        services.warm()  # the comparison opens first
        # the working-tree target was probed as HEAD just now: shown so, not probed again
        for same in [p for p in projects if p.target == head.label]:
            store.preload(same.name, head.snapshot)
            projects.remove(same)
    if not projects:
        return store
    with ThreadPoolExecutor(max_workers=min(8, len(projects))) as pool:
        outcomes = list(pool.map(_analyse, projects))
    for project, outcome in zip(projects, outcomes):
        if isinstance(outcome, ProbeError):
            print(f"warning: {project.name}: {outcome.message}", file=sys.stderr)
            store.record_failure(project.name, outcome.message, outcome.details)
        elif isinstance(outcome, AnalysisError):
            raise outcome
        else:
            store.preload(project.name, outcome)
            # Lint, clusters and the first view now, so the first page load only draws.
            store.services(project.name).warm()
    return store


def load_comparison(args: argparse.Namespace
                    ) -> tuple[ComparisonProject, ComparedServices, Side] | None:
    """``--compare BASE [HEAD]`` loaded and compared (None without it); a bad side is a
    ConfigError or TargetError, as ``diff`` reports it."""
    if not args.compare:
        return None
    if len(args.compare) > 2:
        raise ConfigError("--compare takes BASE and at most one HEAD")
    if args.watch:
        raise ConfigError("--compare shows two fixed versions: drop --watch")
    base, head = args.compare[0], (args.compare[1:] or [None])[0]
    project = comparison_project(base, head, args.targets, None, args.timeout)
    python = target_python(project.target, args.python) if project.target else args.python
    project = replace(project, python=python)
    services, head_side = project.load()
    return project, services, head_side


def _analyse(project: Project) -> Snapshot | AnalysisError:
    try:
        return project.analyse()
    except AnalysisError as exc:
        return exc


def serve_config(args: argparse.Namespace) -> int:
    """``--config``: the hosted explorer (explorer/hosted/server.py) in this one process."""
    from explorer.hosted.server import HostedSettings, build_hosted_app

    if args.targets or args.snapshot:
        print("error: --config names the projects; drop the targets and --snapshot",
              file=sys.stderr)
        return 2
    if args.watch or args.live:
        print(f"error: {'--watch' if args.watch else '--live'} is for local work on targets; "
              "the hosted mode (--config) analyses on request and from CI", file=sys.stderr)
        return 2
    env = dict(os.environ, DCE_CONFIG=args.config)
    if args.cache_dir:
        env["DCE_DATA_DIR"] = args.cache_dir
    try:
        explorer = build_hosted_app(HostedSettings.from_env(env))
    except AnalysisError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    print(f"Dash Callback Explorer on http://{args.host}:{args.port}/", file=sys.stderr)
    explorer.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def default_app() -> Dash:
    """The app gunicorn and the linter see: with DCE_CONFIG set, the hosted explorer over
    the configured projects (docs/hosting.md); else the demo project, analysed on first use."""
    if os.environ.get("DCE_CONFIG"):
        from explorer.hosted.server import build_hosted_app

        try:
            return build_hosted_app()
        except AnalysisError as exc:  # a bad projects file: one line, not a traceback
            print(f"error: {exc.message}", file=sys.stderr)
            raise SystemExit(2) from None
    demo = projects_from([], [], None, 60.0)
    return create_app(ProjectStore(demo, results_dir=default_cache_dir() / "results"))

