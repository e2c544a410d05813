"""Static mode on the generated app: CPU time of the snapshot and of lint, beside a bare
``ast.parse`` of the same file (the floor any source reading pays), best of a few runs.

Usage::

    python benchmarks/generate_app.py 2000 /tmp/app_2000.py
    python benchmarks/bench_static.py /tmp/app_2000.py
"""

from __future__ import annotations

import ast
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from analysis.lint import lint  # noqa: E402
from analysis.rules import all_rules  # noqa: E402
from analysis.source.prefetch import ParsedSources  # noqa: E402
from analysis.static.build import static_snapshot  # noqa: E402


def cpu(function) -> tuple[float, object]:
    start = time.process_time()
    result = function()
    return time.process_time() - start, result


def main(argv: list[str]) -> int:
    target, runs = argv[0], int(argv[1]) if len(argv) > 1 else 5
    text = Path(target).read_text(encoding="utf-8")
    all_rules()  # imported once per process, as the CLI's warm-up thread does
    best: dict[str, float] = {}
    for _ in range(runs):
        parse, _tree = cpu(lambda: ast.parse(text))
        sources = ParsedSources()
        snap, snapshot = cpu(lambda: static_snapshot(target, sources))
        checks, findings = cpu(lambda: lint(snapshot, sources=sources))
        for name, value in (("ast.parse", parse), ("snapshot", snap), ("lint", checks),
                            ("snapshot+lint", snap + checks)):
            best[name] = min(best.get(name, value), value)
    print(f"{target}: {len(snapshot.callbacks)} callbacks, {len(snapshot.components)} "
          f"components, {len(findings)} findings; best of {runs} runs, CPU seconds:")
    for name, value in best.items():
        print(f"  {name:14} {value:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
