"""The live plugin's memory: a bounded, thread-safe ring of call records and their action grouping."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque

from analysis.runtime.model import CallRecord, RuntimeLog


class CallLog:
    """The newest ``capacity`` callback requests of one app, each given its ``action``.

    The grouping rule (docs/live.md): a request whose changed props were output by a request
    that ended less than ``chain_window`` seconds ago joins that request's action (a chain);
    a request with no changed props (``initial``: page load, or components a callback just
    inserted) joins the most recent action still open (one of its requests ended within the
    window), else starts one; any other request was triggered by the user and starts one."""

    def __init__(self, app: str, capacity: int = 5000, chain_window: float = 2.0) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, not {capacity}")
        self.app = app
        self.capacity = capacity
        self.chain_window = chain_window
        self.started_at = time.time()
        self._lock = threading.Lock()
        self._calls: deque[CallRecord] = deque(maxlen=capacity)
        self._dropped = 0
        self._seq = 0
        self._actions = 0
        self._last_action: tuple[int, float] = (0, float("-inf"))  # (action, when it last ended)
        # prop id -> (action, when the request that output it ended); bounded like the ring
        self._producers: OrderedDict[str, tuple[int, float]] = OrderedDict()

    def add(self, output: str, triggered: list[str], inputs: set[str], produced: list[str],
            started_at: float, began: float, request_bytes: int, response_bytes: int,
            outcome: str, status: int, error: str | None, poll: bool = False) -> CallRecord:
        """Keep one finished request; ``produced``: the prop ids it output (``id.prop``);
        ``began``: its ``time.perf_counter()`` at arrival (the grouping compares arrivals with
        earlier requests' ends)."""
        ended = time.perf_counter()
        duration_ms = (ended - began) * 1000
        with self._lock:
            action = self._action_of(triggered, began)
            self._seq += 1
            record = CallRecord(
                seq=self._seq, output=output, triggered=tuple(triggered),
                inputs_changed=tuple(t for t in triggered if t in inputs),
                started_at=started_at, duration_ms=round(duration_ms, 3),
                request_bytes=request_bytes, response_bytes=response_bytes, outcome=outcome,
                status=status, error=error, initial=not triggered, action=action, poll=poll)
            if len(self._calls) == self.capacity:
                self._dropped += 1
            self._calls.append(record)
            self._last_action = (action, ended)
            for prop in produced:
                self._producers[prop] = (action, ended)
                self._producers.move_to_end(prop)
            while len(self._producers) > self.capacity:
                self._producers.popitem(last=False)
        return record

    def _action_of(self, triggered: list[str], now: float) -> int:
        window = self.chain_window
        if triggered:
            chained = [self._producers[p] for p in triggered if p in self._producers]
            recent = [found for found in chained if now - found[1] <= window]
            if recent:
                return max(recent, key=lambda found: found[1])[0]
        elif now - self._last_action[1] <= window:
            return self._last_action[0]
        self._actions += 1
        return self._actions

    def log(self) -> RuntimeLog:
        """A consistent copy of what is kept (oldest first)."""
        with self._lock:
            calls, dropped = tuple(self._calls), self._dropped
        return RuntimeLog(app=self.app, started_at=self.started_at, capacity=self.capacity,
                          dropped=dropped, calls=calls)
