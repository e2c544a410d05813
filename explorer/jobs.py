"""Finished analyses kept by the server: the page holds only the unguessable id of its job.

A background job (a process of this machine, or a Celery worker sharing the data folder)
puts its result here and hands the page an id from ``secrets.token_urlsafe``; the app's
process takes the result back by that id, once. Nothing the browser sends is a path or a
result: an id this server did not issue, or one already taken, finds nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import AnalysisError
from analysis.snapshot import Snapshot, load_snapshot, save_snapshot, write_atomic

#: What ``secrets.token_urlsafe(32)`` gives: 43 URL-safe characters (256 bits).
JOB_ID = re.compile(r"[A-Za-z0-9_-]{43}")
#: Seconds an untaken result is kept (a page closed mid-analysis never takes its result).
KEEP_UNTAKEN = 3600


@dataclass(frozen=True)
class JobResult:
    """What one analysis job produced: the project's snapshot, or why it failed."""

    project: str
    snapshot: Snapshot | None = None
    error: str | None = None
    details: str = ""


class JobResults:
    """One folder of finished jobs, shared by every process that runs or takes them in.

    Files are named by a hash of the id, so even a listing of the folder gives no id away.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def put(self, project: str, snapshot: Snapshot | None = None, error: str | None = None,
            details: str = "") -> str:
        """Keep a job's result; the id to hand to the page that started it."""
        job = secrets.token_urlsafe(32)
        self.sweep()
        if snapshot is not None:
            save_snapshot(snapshot, self._file(job, "snapshot"))
        # The record last: a record on disk means the snapshot beside it is whole.
        write_atomic(self._file(job, "job"), json.dumps(
            {"project": project, "error": error, "details": details}))
        return job

    def take(self, job: object) -> JobResult | None:
        """The job's result, once; None for an id this server did not issue or already gave."""
        if not isinstance(job, str) or not JOB_ID.fullmatch(job):
            return None
        record, snapshot = self._file(job, "job"), self._file(job, "snapshot")
        claimed = record.with_name(f".{record.name}.taken")
        try:
            os.rename(record, claimed)  # atomic: of two processes taking one id, one wins
        except FileNotFoundError:
            return None
        try:
            found = json.loads(claimed.read_text(encoding="utf-8"))
            project, error = str(found["project"]), found["error"]
            if error is not None:
                return JobResult(project, error=str(error), details=str(found["details"]))
            try:
                return JobResult(project, snapshot=load_snapshot(snapshot))
            except AnalysisError as exc:
                return JobResult(project, error=exc.message, details=exc.details)
        finally:
            claimed.unlink(missing_ok=True)
            snapshot.unlink(missing_ok=True)

    def sweep(self, now: float | None = None) -> None:
        """Remove results nobody took within ``KEEP_UNTAKEN`` seconds."""
        limit = (time.time() if now is None else now) - KEEP_UNTAKEN
        try:
            paths = list(self.folder.iterdir())
        except FileNotFoundError:
            return
        for path in paths:
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
            except FileNotFoundError:
                pass  # taken, or swept by another process, meanwhile

    def _file(self, job: str, kind: str) -> Path:
        name = hashlib.sha256(job.encode()).hexdigest()
        return self.folder / f"{name}.{kind}.json"
