"""Command line: lint a Dash project (``TARGET``), list the rules, or explain one rule."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import threading
from typing import TYPE_CHECKING, Sequence, TextIO

from analysis import __version__
from analysis.arguments import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from analysis.arguments import Parser as _Parser
from analysis.arguments import positive as _positive
from analysis.arguments import positive_int as _positive_int
from analysis.settings import LintSettings, project_settings
from analysis.errors import AnalysisError, ConfigError
from analysis.source.prefetch import ParsedSources, project_files
from analysis.reporters import FORMATS, Report, render
from analysis.rules import Rule, all_rules, get_rule
from analysis.snapshot import Snapshot, load_snapshot, save_snapshot

if TYPE_CHECKING:
    from analysis.environment import Interpreter

PROG = "python -m analysis"
SUBCOMMANDS = ("rules", "rule")
#: Subcommands with a module of their own: name -> "module:function(args, out, err, prog)".
COMMANDS = {"diff": "analysis.diff.command:run", "graph": "analysis.graph_text.command:run"}


def lint_parser(prog: str = PROG, more: str = "") -> argparse.ArgumentParser:
    """The lint command's options; ``more`` names further subcommands of ``prog``."""
    parser = _Parser(
        prog=prog,
        description="Lint the callbacks of a Dash project. Also: "
        f"'{prog} rules' lists the rules, '{prog} rule CODE' explains one, '{prog} diff BASE "
        f"HEAD' compares two versions, '{prog} graph TARGET' writes the graph as text{more}.",
        epilog="Exit codes: 0 no findings, 1 findings, 2 tool or target error.",
    )
    parser.add_argument(
        "target", nargs="?",
        help="the app's .py file, a project directory (with app.py, index.py or main.py) "
        "or package.module[:attr] importable from the current directory",
    )
    add = parser.add_argument
    add("--format", choices=tuple(FORMATS), default="text", help="output format (default text)")
    add("--snapshot", metavar="FILE", help="lint a saved snapshot; runs no target code")
    add("--save-snapshot", metavar="FILE", help="also write the snapshot to FILE")
    add("--static", action="store_true",
        help="read the callbacks and layouts from the source alone: no target code runs and "
        "its dependencies need not be installed (see docs/static.md)")
    add("--python", metavar="PATH",
        help="run the probe with this interpreter (the target's virtualenv)")
    add("--timeout", type=_positive, default=60.0, metavar="SECONDS",
        help="probe time limit (default 60)")
    add("--memory-limit", type=_positive_int, metavar="MB",
        help="probe memory limit in MB (resident memory of the target and what it starts)")
    add("--select", action="append", metavar="CODES",
        help="only these codes or prefixes (comma-separated, repeatable)")
    add("--ignore", action="append", metavar="CODES",
        help="skip these codes or prefixes (comma-separated, repeatable)")
    add("--config", metavar="PYPROJECT",
        help="read settings from this pyproject.toml instead of the nearest one")
    add("--baseline", metavar="FILE",
        help="report only findings this baseline does not hold (see --write-baseline)")
    add("--write-baseline", metavar="FILE",
        help="also write every finding's fingerprint to FILE, a baseline for --baseline")
    add("--watch", action="store_true",
        help="lint, then lint again whenever a Python file or pyproject.toml under the "
        "target's project root changes; Ctrl-C stops (exit code 0)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def rules_parser(command: str, prog: str = PROG) -> argparse.ArgumentParser:
    parser = _Parser(prog=f"{prog} {command}")
    if command == "rule":
        parser.add_argument("code", help="a rule code (DASH001) or name (duplicate-output)")
    else:
        parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None,
    stderr: TextIO | None = None, prog: str = PROG, more: str = "",
) -> int:
    """Run the command line; returns the exit code (errors are printed, never raised).
    ``prog`` is how messages name the command (the console script passes its own name)."""
    args = list(sys.argv[1:] if argv is None else argv)
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        if args and args[0] in COMMANDS:
            module, _, function = COMMANDS[args[0]].partition(":")
            return getattr(importlib.import_module(module), function)(args[1:], out, err, prog)
        if args and args[0] in SUBCOMMANDS:
            options = rules_parser(args[0], prog).parse_args(args[1:])
            if args[0] == "rule":
                out.write(explain_rule(options.code))
            else:
                out.write(rules_table(options.format))
            return EXIT_CLEAN
        options = lint_parser(prog, more).parse_args(args)
        if options.watch:
            return watch_lint(options, out, err, prog)
        return run_lint(options, out, err, prog)
    except AnalysisError as exc:
        err.write(f"error: {exc.message}\n")
        if exc.details:
            err.write(exc.details.rstrip("\n") + "\n")
        return EXIT_ERROR
    except BrokenPipeError:  # ``... | head``: the reader left; silence the final flush too
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLEAN
    except OSError as exc:  # e.g. the report could not be written (a full disk): exit 2
        where = f" ({exc.filename})" if exc.filename else " (writing the output)"
        err.write(f"error: {exc.strerror or exc}{where}\n")
        return EXIT_ERROR


def run_lint(options: argparse.Namespace, out: TextIO, err: TextIO, prog: str = PROG) -> int:
    # Modules only some runs need are imported where they are needed: start-up is a large
    # part of a static run (see docs/performance.md).
    settings = _settings(options, prog)
    if options.baseline or options.write_baseline:
        from analysis.baseline import read_baseline, with_baseline
    known = read_baseline(options.baseline) if options.baseline else None  # before the probe
    # The probe's child process keeps one core busy. Meanwhile, on the other, import the
    # rules (and networkx) and parse the project's files, work lint would otherwise do after
    # the probe. Only this thread parses until it has ended (see explorer.services.PARSING).
    # Static mode runs no probe: nothing would run beside the thread but this one, holding
    # the GIL, so the thread would only add its switches (~10 ms of CPU; lint imports the
    # rules when it starts).
    stop, parsed = threading.Event(), ParsedSources()
    warm_up = threading.Thread(target=_warm_up, args=(options, stop, parsed), daemon=True)
    if not options.static:
        warm_up.start()
    interpreter = None
    if not (options.snapshot or options.static):
        from analysis.environment import interpreter_for

        interpreter = interpreter_for(options.target, options.python)
    try:
        snapshot = _snapshot(options, interpreter, parsed)
    finally:
        stop.set()
        if warm_up.is_alive():
            warm_up.join()
    from analysis.lint import lint

    if options.save_snapshot:
        try:
            save_snapshot(snapshot, options.save_snapshot)
        except OSError as exc:
            raise ConfigError(
                f"cannot write snapshot {options.save_snapshot}: {exc.strerror or exc}"
            ) from None
    report = Report(snapshot=snapshot, findings=tuple(lint(snapshot, settings, parsed)),
                    interpreter=interpreter)
    if options.baseline or options.write_baseline:
        report = with_baseline(report, known, options.write_baseline)
    if interpreter is not None and options.format == "text":  # machine formats: in their data
        out.write(interpreter.describe() + "\n")
    out.write(render(report, options.format))
    if options.format == "text":
        for note in snapshot.notes:
            err.write(f"note: {note}\n")
    return EXIT_FINDINGS if report.findings else EXIT_CLEAN


def watch_lint(options: argparse.Namespace, out: TextIO, err: TextIO, prog: str = PROG) -> int:
    """``--watch``: lint, then lint again on each change of the project's files."""
    from analysis.watch import lint_on_change, watched_folders

    if options.snapshot:
        raise ConfigError("--watch lints a TARGET again when its files change; "
                          "it takes no --snapshot")
    _settings(options, prog)  # bad options stop here, before any watching
    folders = watched_folders(options.target)
    return lint_on_change(lambda: run_lint(options, out, err, prog), folders, out, err)


def _warm_up(options: argparse.Namespace, stop: threading.Event, parsed: ParsedSources) -> None:
    all_rules()
    if options.snapshot or options.static or not options.target:
        return  # static mode hands lint the files it parses itself
    from analysis.targets import resolve_target

    try:
        target = resolve_target(options.target)
    except AnalysisError:
        return  # the probe reports it
    try:  # only a head start: whatever goes wrong here, lint parses the snapshot's source
        if target.file:
            files = project_files(target.root, target.file, stop)
        else:  # pkg.module: the package's folder, or a top-level module file
            head = target.root / (target.module or "").split(".")[0]
            files = project_files(head, stop=stop) if head.is_dir() else iter([head.with_suffix(".py")])
        for path in files:
            if stop.is_set():
                return
            parsed.add(path, stop)
    except Exception:  # noqa: BLE001 - e.g. a symlink loop or an unreadable folder
        return


def _settings(options: argparse.Namespace, prog: str = PROG) -> LintSettings:
    """pyproject settings (explicit --config, else the nearest to the target) under the CLI's."""
    if options.target and options.snapshot:
        raise ConfigError("give a TARGET or --snapshot FILE, not both")
    if options.static and (options.snapshot or options.python):
        raise ConfigError("--static reads the TARGET's source; it takes no --snapshot or --python")
    if not options.target and not options.snapshot:
        raise ConfigError(f"no TARGET given; try '{prog} path/to/app.py' or '{prog} --help'")
    return project_settings(options.target, config=options.config,
                            select=options.select or (), ignore=options.ignore or ())


def _snapshot(options: argparse.Namespace, interpreter: Interpreter | None,
              parsed: ParsedSources) -> Snapshot:
    if options.static:
        from analysis.static.build import static_snapshot

        return static_snapshot(options.target, parsed)
    if options.snapshot or interpreter is None:
        return load_snapshot(options.snapshot)
    from analysis.probe.runner import snapshot_target

    return snapshot_target(
        options.target, python=interpreter.path, timeout=options.timeout,
        memory_limit_mb=options.memory_limit,
    )


def rules_table(fmt: str = "text") -> str:
    """The catalog: code, name, severity and summary of every rule, which rules are off
    by default (they run only when ``--select`` or pyproject's ``select`` matches them) and
    which need a recorded run (RUNTIME0xx: never reported by a lint)."""
    rules = all_rules()
    if fmt == "json":
        rows = [
            {"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary,
             "default": r.default, "needs_run": r.needs_run}
            for r in rules
        ]
        return json.dumps(rows, indent=2) + "\n"
    name_width = max((len(r.name) for r in rules), default=4)
    code_width = max((len(r.code) for r in rules), default=4)
    lines = [f"{'code':<{code_width}} {'name':<{name_width}} {'severity':<8} summary"]
    lines += [f"{r.code:<{code_width}} {r.name:<{name_width}} {r.severity:<8} "
              f"{r.summary}{_opt_in(r)}" for r in rules]
    return "\n".join(lines) + "\n"


#: What the listing and the docs say of a runtime rule.
NEEDS_RUN_NOTE = "needs a run: the live overlay and the live plugin's page report it, never a lint"


def _opt_in(rule: Rule) -> str:
    """What the listing adds to the summary of a rule that is off by default, or that only
    a recorded run can report."""
    if rule.needs_run:
        return f" ({NEEDS_RUN_NOTE})"
    return "" if rule.default else f" (off by default: --select {rule.code})"


def explain_rule(code: str) -> str:
    """A rule's full explanation, from its docstring (the one source of the text)."""
    rule = get_rule(code)
    return (
        f"# {rule.name} ({rule.code})\n\nSeverity: {rule.severity}\n\n{rule.summary}.\n\n"
        + ("" if rule.default else f"Off by default: enable with `--select {rule.code}`.\n\n")
        + (f"N{NEEDS_RUN_NOTE[1:]} (docs/live.md).\n\n" if rule.needs_run else "")
        + f"{rule.rationale}\n"
    )
