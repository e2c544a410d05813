"""``python -m analysis diff BASE HEAD``: compare two versions; exit 1 only for new findings."""

from __future__ import annotations

import argparse
from typing import Callable, Sequence, TextIO

from analysis.arguments import EXIT_CLEAN, EXIT_FINDINGS, Parser, positive, positive_int
from analysis.diff import render, sarif
from analysis.diff.compare import compare
from analysis.diff.model import Diff
from analysis.diff.sides import GIT, Probe, is_snapshot_file, load_side
from analysis.settings import project_settings

#: Format name -> renderer of a Diff.
FORMATS: dict[str, Callable[[Diff], str]] = {
    "text": render.text, "json": render.json_text, "markdown": render.markdown,
    "sarif": sarif.render,
}


def parser(prog: str) -> argparse.ArgumentParser:
    parser = Parser(
        prog=f"{prog} diff",
        description="Compare two versions of a Dash project: callbacks added, removed and "
        "changed, dependencies, cycles introduced, findings new, fixed and unchanged. Each "
        "side is a saved snapshot (.json), a target, or git:REF (the target at that git "
        "ref, checked out into a temporary worktree).",
        epilog="Exit codes: 0 no new findings, 1 HEAD brings new findings, 2 tool or target "
        "error. Example: diff git:main app.py --format markdown",
    )
    add = parser.add_argument
    add("base", help="the version before: FILE.json, a target, or git:REF")
    add("head", help="the version after: FILE.json, a target, or git:REF")
    add("--format", choices=tuple(FORMATS), default="text", help="output format (default text)")
    add("--target", metavar="PATH",
        help="the target a git:REF side means (default: the other side, when it is a target)")
    add("--python", metavar="PATH", help="run the probe with this interpreter")
    add("--timeout", type=positive, default=60.0, metavar="SECONDS",
        help="probe time limit per side (default 60)")
    add("--memory-limit", type=positive_int, metavar="MB", help="probe memory limit in MB")
    add("--select", action="append", metavar="CODES", help="only these codes or prefixes")
    add("--ignore", action="append", metavar="CODES", help="skip these codes or prefixes")
    add("--config", metavar="PYPROJECT",
        help="read settings from this pyproject.toml instead of the nearest one")
    return parser


def run(argv: Sequence[str], out: TextIO, err: TextIO, prog: str) -> int:
    """Parse, load both sides (with the same settings), compare, print; the exit code."""
    options = parser(prog).parse_args(argv)
    target = options.target or next(
        (spec for spec in (options.head, options.base)
         if not spec.startswith(GIT) and not is_snapshot_file(spec)), None)
    settings = project_settings(target, config=options.config, select=options.select or (),
                                ignore=options.ignore or ())
    python = options.python
    if python is None and target is not None:
        from analysis.environment import interpreter_for

        python = interpreter_for(target).path
    probe = Probe(python, options.timeout, options.memory_limit)
    base = load_side(options.base, target, settings, probe)
    head = load_side(options.head, target, settings, probe)
    diff = compare(base, head)
    out.write(FORMATS[options.format](diff))
    return EXIT_FINDINGS if diff.new_findings else EXIT_CLEAN
