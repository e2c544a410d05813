"""Entry point: ``python -m analysis TARGET`` (see ``analysis.cli``)."""

import gc
import os
import sys

# Off before our own imports too (the reason is run_once's): they allocate tens of thousands
# of objects (code, functions, classes), which the collector would otherwise scan meanwhile.
gc.disable()

from analysis.cli import EXIT_ERROR, main  # noqa: E402


def run_once(argv: list[str] | None = None, **names: str) -> int:
    """One lint run in a process of its own, tuned the way mypy tunes its runs.

    The run allocates hundreds of thousands of AST nodes and snapshot objects that all live
    until it ends: the cyclic collector would re-scan them again and again (half the analysis
    time at 5,000 callbacks), and tearing them down at exit would cost as much again. So the
    collector stays off (reference counting still frees everything acyclic) and the process
    ends without teardown once its output is flushed; every file was written, atomically,
    before ``main`` returned.
    """
    gc.disable()
    code = main(argv, **names)
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:  # ``... | head``: the reader left, as main() already allows
        pass
    except OSError as exc:  # a full disk: the report is lost, which must not look like success
        if sys.stderr is not None:
            sys.stderr.write(f"error: cannot write the output: {exc.strerror or exc}\n")
        code = EXIT_ERROR
    if sys.stderr is not None:
        try:
            sys.stderr.flush()
        except OSError:
            pass
    return code


if __name__ == "__main__":
    os._exit(run_once())
