"""Write a synthetic, deterministic Dash app with N callbacks, in chains of 10, for benchmarks.

Each chain starts at a filter dropdown and a limit slider; each of its callbacks reads the
previous step's property and writes its own component (stores, text, graphs, markdown), the
way dashboards pass derived data along. Every callback is a real ``def`` with its own source,
so the probe does the same work it does on a hand-written app.

Usage::

    python benchmarks/generate_app.py 2000 /tmp/app_2000.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from analysis.snapshot import write_atomic  # noqa: E402

CHAIN_LENGTH = 10

#: (component constructor, property written, return expression) per step kind; the return
#: expression may use ``value``, ``limit``, ``chain`` and ``step``.
STEP_KINDS = (
    ("dcc.Store", "data", '{{"chain": {chain}, "step": {step}, "value": value}}'),
    ("html.Div", "children", 'f"chain {chain} step {step}: {{value}}"'),
    ("dcc.Graph", "figure",
     '{{"data": [{{"type": "bar", "y": [{step}, len(str(value))]}}], '
     '"layout": {{"title": {{"text": "chain {chain}"}}}}}}'),
    ("html.Span", "children", 'str(value)[: limit or 40]'),
    ("dcc.Markdown", "children", 'f"**{step}** {{value}}"'),
)

HEADER = '''"""Synthetic Dash app with {n} callbacks in chains of {chain_length} (generated; do not edit)."""

from dash import Dash, Input, Output, State, dcc, html

app = Dash(__name__)
server = app.server

'''


def chain_sizes(n_callbacks: int) -> list[int]:
    """Callbacks per chain: full chains of 10, then the remainder.

    >>> chain_sizes(25)
    [10, 10, 5]
    """
    full, rest = divmod(n_callbacks, CHAIN_LENGTH)
    return [CHAIN_LENGTH] * full + ([rest] if rest else [])


def step_kind(chain: int, step: int) -> tuple[str, str, str]:
    return STEP_KINDS[(chain + step) % len(STEP_KINDS)]


def chain_layout(chain: int, size: int) -> list[str]:
    lines = [
        f'    dcc.Dropdown(id="c{chain}-filter", options=["a", "b", "c"], value="a"),',
        f'    dcc.Slider(id="c{chain}-limit", min=0, max=100, step=10, value=40),',
    ]
    for step in range(size):
        constructor, _, _ = step_kind(chain, step)
        lines.append(f'    {constructor}(id="c{chain}-s{step}"),')
    return lines


def chain_callbacks(chain: int, size: int) -> list[str]:
    blocks = []
    source_id, source_prop = f"c{chain}-filter", "value"
    for step in range(size):
        _, prop, expression = step_kind(chain, step)
        target = f"c{chain}-s{step}"
        blocks.append(
            f"\n\n@app.callback(\n"
            f'    Output("{target}", "{prop}"),\n'
            f'    Input("{source_id}", "{source_prop}"),\n'
            f'    State("c{chain}-limit", "value"),\n'
            f")\n"
            f"def chain{chain}_step{step}(value, limit):\n"
            f"    if value is None:\n"
            f"        value = limit\n"
            f"    return {expression.format(chain=chain, step=step)}\n"
        )
        source_id, source_prop = target, prop
    return blocks


def generate_app(n_callbacks: int) -> str:
    """The source of an app with exactly ``n_callbacks`` callbacks (same N: same text)."""
    if n_callbacks < 1:
        raise ValueError("the app needs at least one callback")
    sizes = chain_sizes(n_callbacks)
    layout = ["app.layout = html.Div(["]
    callbacks: list[str] = []
    for chain, size in enumerate(sizes):
        layout.extend(chain_layout(chain, size))
        callbacks.extend(chain_callbacks(chain, size))
    layout.append("])")
    return (
        HEADER.format(n=n_callbacks, chain_length=CHAIN_LENGTH)
        + "\n".join(layout)
        + "".join(callbacks)
        + '\n\nif __name__ == "__main__":\n    app.run()\n'
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("callbacks", type=int, help="number of callbacks (N >= 1)")
    parser.add_argument("out", type=Path, help="the .py file to write")
    args = parser.parse_args(argv)
    if args.callbacks < 1:
        parser.error("N must be at least 1")
    write_atomic(args.out, generate_app(args.callbacks))
    print(f"wrote {args.out} ({args.callbacks} callbacks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
