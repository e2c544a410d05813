"""The live plugin's records as data: one ``CallRecord`` per callback request, a ``RuntimeLog`` of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from analysis.errors import AnalysisError

#: The version of the ``/_dce/live/calls`` JSON; a reader refuses any other.
VERSION = 1
UPDATED, PREVENTED, ERROR = "updated", "prevented", "error"
OUTCOMES = (UPDATED, PREVENTED, ERROR)


class RuntimeDataError(AnalysisError):
    """Live data that is not a version-1 ``/_dce/live/calls`` document (wrong URL or version)."""


@dataclass(frozen=True)
class CallRecord:
    """One ``/_dash-update-component`` request: which callback (its output key exactly as in
    ``/_dash-dependencies``), what triggered it, its cost and outcome, and the page load or user
    action it belongs to (``action``; ``initial`` when the renderer sent it on its own)."""

    seq: int
    output: str
    triggered: tuple[str, ...] = ()
    inputs_changed: tuple[str, ...] = ()
    started_at: float = 0.0
    duration_ms: float = 0.0
    request_bytes: int = 0
    response_bytes: int = 0
    outcome: str = UPDATED
    status: int = 200
    error: str | None = None
    initial: bool = False
    action: int = 0
    #: A background callback's poll (``?cacheKey=...&job=...``): the renderer asking whether
    #: the job a request started is done, not a new call (analysis/runtime/stats.py folds it)
    poll: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The record as the contract's JSON object (``poll`` only when true)."""
        return {
            "seq": self.seq,
            "output": self.output,
            "triggered": list(self.triggered),
            "inputs_changed": list(self.inputs_changed),
            "started_at": self.started_at,
            "duration_ms": self.duration_ms,
            "request_bytes": self.request_bytes,
            "response_bytes": self.response_bytes,
            "outcome": self.outcome,
            "status": self.status,
            "error": self.error,
            "initial": self.initial,
            "action": self.action,
        } | ({"poll": True} if self.poll else {})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CallRecord:
        """Read one record; a missing ``seq``/``output`` or an unknown outcome is an error."""
        try:
            outcome = str(data.get("outcome", UPDATED))
            if outcome not in OUTCOMES:
                raise ValueError(f"unknown outcome {outcome!r}")
            error = data.get("error")
            return cls(
                seq=int(data["seq"]),
                output=str(data["output"]),
                triggered=tuple(str(t) for t in data.get("triggered") or ()),
                inputs_changed=tuple(str(t) for t in data.get("inputs_changed") or ()),
                started_at=float(data.get("started_at", 0.0)),
                duration_ms=float(data.get("duration_ms", 0.0)),
                request_bytes=int(data.get("request_bytes", 0)),
                response_bytes=int(data.get("response_bytes", 0)),
                outcome=outcome,
                status=int(data.get("status", 200)),
                error=None if error is None else str(error),
                initial=bool(data.get("initial", False)),
                action=int(data.get("action", 0)),
                poll=bool(data.get("poll", False)),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise RuntimeDataError(
                f"a live call record is malformed ({err}): {data!r:.200}") from err


@dataclass(frozen=True)
class RuntimeLog:
    """What the plugin kept: the newest ``capacity`` records (oldest first) and how many it
    dropped to stay within that bound."""

    app: str = ""
    started_at: float = 0.0
    capacity: int = 0
    dropped: int = 0
    calls: tuple[CallRecord, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The log as the ``/_dce/live/calls`` JSON document."""
        return {
            "version": VERSION,
            "app": self.app,
            "started_at": self.started_at,
            "capacity": self.capacity,
            "dropped": self.dropped,
            "calls": [call.to_dict() for call in self.calls],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RuntimeLog:
        """Read a ``/_dce/live/calls`` document; another version or shape is a
        ``RuntimeDataError``."""
        if not isinstance(data, dict) or data.get("version") != VERSION:
            found = data.get("version") if isinstance(data, dict) else type(data).__name__
            raise RuntimeDataError(
                f"live data of version {found!r}, expected {VERSION}: is the URL the plugin's "
                "/_dce/live/calls, and are the app's and the explorer's versions the same?"
            )
        calls = data.get("calls")
        if not isinstance(calls, list):
            raise RuntimeDataError(
                "live data without a 'calls' list: not a /_dce/live/calls document")
        try:
            return cls(
                app=str(data.get("app", "")),
                started_at=float(data.get("started_at", 0.0)),
                capacity=int(data.get("capacity", 0)),
                dropped=int(data.get("dropped", 0)),
                calls=tuple(CallRecord.from_dict(call) for call in calls),
            )
        except (TypeError, ValueError) as err:
            raise RuntimeDataError(f"live data with a malformed header field: {err}") from err
