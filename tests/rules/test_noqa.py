"""``# noqa: CODE`` on a callback's decorator line silences that rule for it, and only that rule."""

from __future__ import annotations

import dataclasses

from snapshot_factory import BAD_APP, functions_per_finding, probed


def test_noqa_on_the_decorator_line_suppresses() -> None:
    bad = probed(BAD_APP)

    def mark(cb):
        if cb.name != "show_forecast":
            return cb
        first, rest = cb.source.split("\n", 1)
        return dataclasses.replace(cb, source=f"{first}  # noqa: DASH070\n{rest}")

    marked = dataclasses.replace(bad, callbacks=tuple(mark(cb) for cb in bad.callbacks))
    assert functions_per_finding(marked, "DASH070") == []
    assert functions_per_finding(marked, "DASH071") == [("draw",)]
