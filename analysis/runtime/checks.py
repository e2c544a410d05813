"""What a runtime rule (RUNTIME0xx, analysis/rules/runtime*.py) reads: one callback of a recorded run, its numbers, the thresholds."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.runtime.stats import ActionChain, CallbackStats
from analysis.settings import Thresholds
from analysis.snapshot import Callback

__all__ = ["RuntimeRun", "Thresholds"]


@dataclass(frozen=True)
class RuntimeRun:
    """One callback of the snapshot and its stats in the run: a runtime rule's input."""

    callback: Callback
    stats: CallbackStats
    chains: dict[int, ActionChain]  # the run's actions by number
    thresholds: Thresholds
