"""Static mode on the generated app: CPU time of the snapshot and of lint, beside a bare
``ast.parse`` of the same file (the floor any source reading pays), best of a few runs, with
the cyclic collector off as ``python -m analysis`` runs; then the whole command
(``python -m analysis TARGET --static`` in a process of its own: start-up, imports, output),
user + sys CPU of each run. CPU, not wall: on a shared machine wall time measures the load.

The whole command is timed twice: in the environment as it is, and with our modules' byte
code cached (in a temporary ``PYTHONPYCACHEPREFIX``, warmed by one untimed run), as after
``pip install`` (which compiles it) or any second run in a checkout. The two differ where
``PYTHONDONTWRITEBYTECODE`` is set and the checkout has no fresh ``__pycache__``: then
every run compiles the modules it imports (~60 since the third round; ~0.05 s of CPU).
Last, ``python -c pass`` (the interpreter's own start-up on this machine) and the whole
command's ratios to it and to ``ast.parse``.

Usage::

    python benchmarks/generate_app.py 2000 /tmp/app_2000.py
    python benchmarks/bench_static.py /tmp/app_2000.py
"""

from __future__ import annotations

import ast
import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script from anywhere
from analysis.lint import lint  # noqa: E402
from analysis.rules import all_rules  # noqa: E402
from analysis.source.prefetch import ParsedSources  # noqa: E402
from analysis.static.build import static_snapshot  # noqa: E402


def cpu(function) -> tuple[float, object]:
    start = time.process_time()
    result = function()
    return time.process_time() - start, result


def command_cpu(target: str | None, env: dict[str, str] | None = None) -> float:
    """User + sys CPU seconds of one ``python -m analysis TARGET --static`` process (of
    ``python -c pass`` when ``target`` is None)."""
    command = ["-c", "pass"] if target is None else ["-m", "analysis", target, "--static"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, *command], cwd=REPO, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str]) -> int:
    target, runs = os.path.abspath(argv[0]), int(argv[1]) if len(argv) > 1 else 5
    text = Path(target).read_text(encoding="utf-8")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    all_rules()  # imported once per process, outside the timed steps
    gc.disable()  # as ``python -m analysis`` runs (analysis/__main__.py)
    best: dict[str, float] = {}
    for _ in range(runs):
        parse, _tree = cpu(lambda: ast.parse(text))
        sources = ParsedSources()
        snap, snapshot = cpu(lambda: static_snapshot(target, sources))
        checks, findings = cpu(lambda: lint(snapshot, sources=sources))
        for name, value in (("ast.parse", parse), ("snapshot", snap), ("lint", checks),
                            ("snapshot+lint", snap + checks)):
            best[name] = min(best.get(name, value), value)
        counts = f"{len(snapshot.callbacks)} callbacks, {len(snapshot.components)} components"
        del sources, snapshot  # freed while the collector is off: no cycles hold them
    gc.enable()
    whole = [command_cpu(target) for _ in range(runs)]
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        command_cpu(target, env)  # writes the byte code
        cached = [command_cpu(target, env) for _ in range(runs)]
    bare = [command_cpu(None) for _ in range(runs)]
    print(f"{target}: {counts}, {len(findings)} findings; load average at start {load}; "
          f"best of {runs} runs, CPU seconds:")
    for name, value in best.items():
        print(f"  {name:14} {value:.3f}")
    print(f"  {'whole command':14} {min(whole):.3f} (median {statistics.median(whole):.3f}; "
          f"python -m analysis TARGET --static, user + sys)")
    print(f"  {'  byte code cached':14} {min(cached):.3f} (median {statistics.median(cached):.3f}; "
          f"the same, our modules' byte code written once beforehand)")
    print(f"  {'python -c pass':14} {min(bare):.3f} (median {statistics.median(bare):.3f})")
    for name, value in (("whole command", min(whole)), ("  cached", min(cached))):
        print(f"  {name:14} = {value / best['ast.parse']:.2f} x ast.parse, "
              f"{value / min(bare):.1f} x python -c pass")
    print(f"  load average at end {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
