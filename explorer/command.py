"""The console command ``dash-callback-explorer``: lint (the default), serve, rules, rule, diff, graph."""

from __future__ import annotations

import os
import sys

PROG = "dash-callback-explorer"
SERVE = "serve"


def main(argv: list[str] | None = None) -> int:
    """``dash-callback-explorer serve ...`` opens the explorer (``python app.py ...``); any
    other arguments are the linter's (``python -m analysis ...``), run as that one-shot
    process runs them: without the cyclic collector, ending without teardown."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == SERVE:
        from explorer.serve import main as serve

        return serve(args[1:], prog=f"{PROG} {SERVE}")
    more = f", '{PROG} {SERVE} [TARGET ...]' opens the explorer"
    if argv is not None:  # called as a function (tests): leave the process as it was
        from analysis.cli import main as lint

        return lint(args, prog=PROG, more=more)
    from analysis.__main__ import run_once

    os._exit(run_once(args, prog=PROG, more=more))
