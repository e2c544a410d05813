"""``python -m analysis graph TARGET --format mermaid|dot|graphml|cytoscape``: the graph as text."""

from __future__ import annotations

import argparse
from typing import Sequence, TextIO

from analysis.arguments import EXIT_CLEAN, Parser, positive, positive_int
from analysis.errors import ConfigError
from analysis.graph_text.aggregate import AGGREGATE_ABOVE, aggregate_graph, callback_count
from analysis.graph_text.formats import FORMATS, export_graph
from analysis.snapshot import Snapshot, load_snapshot


def parser(prog: str) -> argparse.ArgumentParser:
    parser = Parser(prog=f"{prog} graph",
                    description="Write the callback graph of a Dash project as text: Mermaid "
                    "(rendered by GitHub in Markdown), Graphviz DOT, GraphML or Cytoscape JSON.")
    add = parser.add_argument
    add("target", help="the app's .py file, a project directory, pkg.module, or a saved "
        "snapshot (.json)")
    add("--format", choices=tuple(FORMATS), default="mermaid", help="default mermaid")
    add("--focus", metavar="FUNCTION",
        help="only this callback (function name) and its neighbourhood")
    add("--depth", type=positive_int, default=2, metavar="K",
        help="with --focus: how many edges out from it, either way (default 2)")
    add("--all", action="store_true",
        help=f"every callback even above {AGGREGATE_ABOVE} (otherwise a larger graph is "
        "written aggregated by page/module, as the explorer's overview draws it)")
    add("--python", metavar="PATH", help="run the probe with this interpreter")
    add("--timeout", type=positive, default=60.0, metavar="SECONDS",
        help="probe time limit (default 60)")
    return parser


def run(argv: Sequence[str], out: TextIO, err: TextIO, prog: str) -> int:
    options = parser(prog).parse_args(argv)
    try:
        graph = export_graph(_snapshot(options), options.focus, options.depth)
    except LookupError as exc:
        names = exc.args[0]
        raise ConfigError(f"--focus {options.focus}: no callback has that function name; "
                          f"there are {', '.join(names[:20])}{' ...' if len(names) > 20 else ''}"
                          ) from None
    if not options.all and callback_count(graph) > AGGREGATE_ABOVE:
        graph = aggregate_graph(graph, note=(
            f"{callback_count(graph)} callbacks: aggregated by page/module (above "
            f"{AGGREGATE_ABOVE}); --all writes every callback"))
    out.write(FORMATS[options.format](graph))
    return EXIT_CLEAN


def _snapshot(options: argparse.Namespace) -> Snapshot:
    if options.target.endswith(".json"):
        return load_snapshot(options.target)
    from analysis.environment import interpreter_for
    from analysis.probe.runner import snapshot_target

    python = interpreter_for(options.target, options.python).path
    return snapshot_target(options.target, python=python, timeout=options.timeout)
