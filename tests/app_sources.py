"""Source text of small Dash apps written by tests: one callback, or a two-callback loop."""

from __future__ import annotations


def callback_source(name: str, output: str, source: str, returns: str = "v") -> str:
    """A callback ``name`` writing ``output`` from ``source`` (``'"id", "prop"'`` each, as
    Python source: f-strings welcome), returning ``returns``."""
    return (f"\n\n@app.callback(Output({output}), Input({source}))\n"
            f"def {name}(v):\n    return {returns}\n")


def loop_source(first: str, second: str, a: str, b: str) -> str:
    """Two callbacks ``first`` (a -> b) and ``second`` (b -> a): a loop (DASH040)."""
    return (callback_source(first, f'{b}, "value"', f'{a}, "value"')
            + callback_source(second, f'{a}, "value"', f'{b}, "value"'))
