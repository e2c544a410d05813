"""Each project's snapshot history on disk: validated uploads, newest first, written atomically."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from analysis.errors import AnalysisError, SnapshotError
from analysis.findings import Finding
from analysis.graph import Writes
from analysis.snapshot import (SCHEMA_VERSION, Snapshot, content_id, dump_json, load_snapshot,
                               parse_json, write_atomic)
from explorer.hosted.projects_file import is_project_name

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a 500-callback project's snapshot is well under 5 MB
DEFAULT_KEEP = 50
SOURCES = ("ci", "upload", "analysis")
_ENTRY_PATTERN = re.compile(r"(\d{19})-(ci|upload|analysis)-([0-9a-f]{16})")
#: Beside each entry ``<id>.json``, its analysis ``<id>.findings.json`` (the stem is no entry id,
#: so listings skip it), removed with the entry.
RESULT_SUFFIX = ".findings.json"
RESULT_FORMAT = 1
#: Beside it, ``<id>.writes.json``: each callback's ``set_props`` writes, found by parsing its
#: source (``analysis.graph.python_set_props``), kept so no other process parses them again.
WRITES_SUFFIX = ".writes.json"
WRITES_FORMAT = 1
#: Beside each entry, ``<id>.meta.json``: its canonical hash (the dedupe's key) and, once its
#: upload is analysed, its change against the entry before it. Removed with the entry.
META_SUFFIX = ".meta.json"
META_FORMAT = 1
#: Snapshot fields that differ between two runs over the same code: when it was probed, and
#: the absolute folder it was probed in (a CI runner's checkout; no rule reads it). Blanked
#: for the canonical hash, so a re-run of CI is no new entry.
PER_RUN_FIELDS = ("created_at", "root")
_FINDING_FIELDS = {
    "code": str, "name": str, "severity": str, "message": str, "file": (str, type(None)),
    "line": (int, type(None)), "functions": list, "callbacks": list, "properties": list,
    "components": list,
}


class UploadRejected(AnalysisError):
    """An upload that is not stored; ``status`` is the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def parse_upload(body: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Snapshot:
    """A snapshot from uploaded bytes, or UploadRejected: 413 too large, 400 not JSON,
    422 valid JSON that is not a snapshot this version reads (wrong schema_version included)."""
    if len(body) > max_bytes:
        raise UploadRejected(413, f"snapshot is {len(body)} bytes; the limit is {max_bytes} "
                                  f"(set DCE_MAX_UPLOAD_MB on the server to raise it)")
    try:
        data = parse_json(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise UploadRejected(400, f"not valid JSON ({exc}); upload the file written by "
                                  f"python -m analysis --save-snapshot") from None
    try:
        return Snapshot.from_dict(data, origin="upload")  # the whole contract, version first
    except SnapshotError as exc:
        raise UploadRejected(422, exc.message) from None


def canonical_id(data: dict) -> str:
    """The content hash of a snapshot's ``to_dict`` with its per-run fields blanked: two runs
    over the same code (another time, another checkout folder) have the same one.

    >>> canonical_id({"created_at": "2024", "root": "/a", "x": 1}) == canonical_id(
    ...     {"created_at": "2025", "root": "/b", "x": 1})
    True
    """
    return content_id(dump_json({**data, **{name: "" for name in PER_RUN_FIELDS}}))


@dataclass(frozen=True)
class HistoryEntry:
    """One stored snapshot of a project. ``id`` is the file's stem: time, source and digest."""

    project: str
    id: str
    created: float  # seconds since the epoch
    source: str  # "ci" | "upload" | "analysis"
    digest: str  # analysis.snapshot.snapshot_id of the content
    size: int

    @property
    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.created))

    def to_dict(self) -> dict:
        return {"project": self.project, "id": self.id, "created": self.created,
                "created_text": self.when, "source": self.source, "digest": self.digest,
                "size": self.size}


class SnapshotHistory:
    """Snapshots per project under ``root/<project>/<id>.json``; the newest ``keep`` are kept.

    Every name that reaches the disk is checked against a strict pattern first, so no
    project name or entry id can step outside ``root``. Several processes may share the
    folder: files appear by atomic rename and readers tolerate pruned entries.
    """

    def __init__(self, root: str | os.PathLike, *, keep: int = DEFAULT_KEEP,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        if keep < 1:
            raise ValueError("keep must be at least 1")
        self.root = Path(root)
        self.keep = keep
        self.max_bytes = max_bytes
        #: Called with each newly stored entry and its snapshot, after the write and outside
        #: the lock: the hosted store analyses it there, once, and keeps the result.
        self.on_added: Callable[[HistoryEntry, Snapshot], None] | None = None
        self._adding: dict[str, int] = {}  # project -> this process's adds under way
        self._adding_lock = threading.Lock()

    def add(self, project: str, snapshot: Snapshot, source: str) -> HistoryEntry:
        """``put``'s entry: the new one, or the newest when the snapshot is identical to it."""
        return self.put(project, snapshot, source)[0]

    def put(self, project: str, snapshot: Snapshot, source: str) -> tuple[HistoryEntry, bool]:
        """Store a validated snapshot as the project's newest entry and prune the oldest:
        (the entry, True). A snapshot identical to the newest entry (the same canonical hash:
        only per-run fields differ) is not stored again: (that entry, False)."""
        folder = self._folder(project)
        if source not in SOURCES:
            raise ValueError(f"unknown source {source!r}")
        # Stored compact, as snapshot_id serialises it: one serialisation is both the file
        # and its digest (an indented standard-library dump took 0.8 s of a 20 MB upload).
        data = snapshot.to_dict()
        blob = dump_json(data)
        if len(blob) > self.max_bytes:
            raise UploadRejected(413, f"snapshot is larger than the limit of {self.max_bytes} "
                                      f"bytes")
        digest = content_id(blob)  # = snapshot_id(snapshot)
        canonical = canonical_id(data)
        self._count_adding(project, 1)
        try:
            with self._writing(project):  # "is it new?" and the write: one step across processes
                newest = self.newest(project)
                if newest is not None and self._same(newest, digest, canonical):
                    return newest, False  # a CI re-run, a retried upload
                entry_id = f"{time.time_ns():019d}-{source}-{digest}"
                write_atomic(folder / f"{entry_id}.json", blob)
                # After the body: a crash between the two leaves an entry without its hash,
                # compared by digest (as entries stored before hashes were kept), never a
                # hash without its entry.
                self._write_meta(project, entry_id, {"canonical": canonical})
                self._prune(project)
                entry = self._entry(project, folder / f"{entry_id}.json")
            if self.on_added is not None:
                self.on_added(entry, snapshot)
            return entry, True
        finally:
            self._count_adding(project, -1)

    def _same(self, entry: HistoryEntry, digest: str, canonical: str) -> bool:
        kept = self.meta(entry).get("canonical")
        return kept == canonical if kept else entry.digest == digest

    def meta(self, entry: HistoryEntry) -> dict:
        """What is kept beside an entry: ``canonical`` (its canonical hash) and ``change``
        (against the entry before it); empty for an entry stored before these were kept, or
        whose file is unreadable: nothing here is fatal."""
        path = self._folder(entry.project) / f"{entry.id}{META_SUFFIX}"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != META_FORMAT:
            return {}
        kinds = {"canonical": str, "change": dict}  # a hand-edited file: its other fields go
        return {key: data[key] for key, kind in kinds.items() if isinstance(data.get(key), kind)}

    def save_change(self, entry: HistoryEntry, change: dict) -> None:
        """Keep an entry's change against the entry before it beside it (atomically), unless
        the entry is gone."""
        if (self._folder(entry.project) / f"{entry.id}.json").exists():
            self._write_meta(entry.project, entry.id, {**self.meta(entry), "change": change})

    def _write_meta(self, project: str, entry_id: str, meta: dict) -> None:
        write_atomic(self._folder(project) / f"{entry_id}{META_SUFFIX}",
                     json.dumps({"format": META_FORMAT, **meta}))

    def _count_adding(self, project: str, step: int) -> None:
        with self._adding_lock:
            self._adding[project] = self._adding.get(project, 0) + step

    def adding(self, project: str) -> bool:
        """Whether this process is storing (or analysing) a new entry of the project now."""
        return self._adding.get(project, 0) > 0

    def sweep(self) -> None:
        """Remove the temporary files a writer killed mid-write left behind (``kill -9``)."""
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if folder.is_dir() and is_project_name(folder.name):
                with self._writing(folder.name):
                    pass  # _writing sweeps once it holds the lock

    @contextmanager
    def _writing(self, project: str) -> Iterator[None]:
        """Hold the project's lock (every process writes only under it), so any temporary
        file found meanwhile is an orphan of a killed writer and can go."""
        folder = self._folder(project)
        folder.mkdir(parents=True, exist_ok=True)
        # beside the folder, not in it: the folder holds the entries and nothing else
        with open(self.root / f".{project}.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                for orphan in folder.glob(".*.tmp"):
                    orphan.unlink(missing_ok=True)
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def entries(self, project: str) -> list[HistoryEntry]:
        """The project's stored snapshots, newest first (empty when it has none)."""
        folder = self._folder(project)
        if not folder.is_dir():
            return []
        found = []
        for path in folder.glob("*.json"):
            if _ENTRY_PATTERN.fullmatch(path.stem):
                try:
                    found.append(self._entry(project, path))
                except FileNotFoundError:
                    continue  # pruned by another process meanwhile
        return sorted(found, key=lambda e: e.id, reverse=True)

    def newest(self, project: str) -> HistoryEntry | None:
        entries = self.entries(project)
        return entries[0] if entries else None

    def stamp(self, project: str) -> int | None:
        """The project folder's modification time (ns): it changes when an entry is added
        or pruned, so a reader can skip listing an unchanged history. None: no folder."""
        try:
            return self._folder(project).stat().st_mtime_ns
        except FileNotFoundError:
            return None

    def get(self, project: str, entry_id: str) -> HistoryEntry | None:
        """The entry with this id, or None (also for ids that are not entry ids at all)."""
        if not isinstance(entry_id, str) or not _ENTRY_PATTERN.fullmatch(entry_id):
            return None
        try:
            return self._entry(project, self._folder(project) / f"{entry_id}.json")
        except FileNotFoundError:
            return None

    def load(self, project: str, entry_id: str) -> Snapshot:
        """A stored snapshot; SnapshotError when the entry does not exist (any more)."""
        if self.get(project, entry_id) is None:
            raise SnapshotError(f"project {project!r} has no stored snapshot {entry_id!r}; "
                                f"pick one from the project's history")
        return load_snapshot(self._folder(project) / f"{entry_id}.json")

    def newest_valid(self, project: str,
                     shown: str | None = None) -> tuple[HistoryEntry, Snapshot] | None:
        """The newest entry that keeps the snapshot contract, with its snapshot; None when
        that entry is ``shown`` (nothing newer to show) or no entry loads.

        A file that breaks the contract (written by an older version, edited by hand) is
        skipped with a logged warning: one bad file must not take its project, let alone
        the server, down with it.
        """
        for entry in self.entries(project):
            if entry.id == shown:
                return None
            path = self._folder(project) / f"{entry.id}.json"
            try:
                return entry, load_snapshot(path)
            except SnapshotError as exc:
                if path.exists():  # not merely pruned by another process meanwhile
                    logging.getLogger(__name__).warning(
                        "skipping stored snapshot %s of project %s: %s", entry.id, project,
                        exc.message)
        return None

    def load_result(self, entry: HistoryEntry, key: str) -> tuple[Finding, ...] | None:
        """The stored findings of an entry, analysed with ``key`` (the linter's version and
        settings); None when there are none, they were made with another key, or the file is
        unreadable or corrupt: the caller analyses again, nothing here is fatal."""
        try:
            data = self._read_beside(entry, RESULT_SUFFIX, RESULT_FORMAT, key)
            return tuple(_finding(item) for item in data["findings"])
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def save_result(self, entry: HistoryEntry, key: str, findings: tuple[Finding, ...]) -> None:
        """Keep an entry's findings beside it (atomically), unless the entry is gone."""
        self._write_beside(entry, RESULT_SUFFIX, RESULT_FORMAT, key,
                           {"findings": [f.to_dict() for f in findings]})

    def load_writes(self, entry: HistoryEntry, key: str) -> Writes | None:
        """The stored ``set_props`` writes of an entry's callbacks, found by the linter
        ``key`` names; None when there are none, another linter found them, or the file is
        unreadable or corrupt (the caller parses the sources; nothing here is fatal)."""
        try:
            data = self._read_beside(entry, WRITES_SUFFIX, WRITES_FORMAT, key)
            return {int(index): [_write(item) for item in writes]
                    for index, writes in data["writes"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def save_writes(self, entry: HistoryEntry, key: str, writes: Writes) -> None:
        """Keep an entry's ``set_props`` writes beside it (atomically), unless the entry is
        gone. Only a callback's writes that read back equal are kept (an id holding a
        tuple would come back a list): the others are parsed again by whoever needs them."""
        kept = {str(index): stored for index, found in writes.items()
                if (stored := _storable(found)) is not None}
        self._write_beside(entry, WRITES_SUFFIX, WRITES_FORMAT, key, {"writes": kept})

    def _read_beside(self, entry: HistoryEntry, suffix: str, version: int, key: str) -> dict:
        """A file kept beside an entry, read; ValueError when it was made for another
        content, format or key (OSError, ValueError and the like when it is no such file)."""
        path = self._folder(entry.project) / f"{entry.id}{suffix}"
        data = json.loads(path.read_text(encoding="utf-8"))
        if (data.get("format") != version or data.get("snapshot") != entry.digest
                or data.get("key") != key):
            raise ValueError(f"{path.name} was made for another snapshot, format or key")
        return data

    def _write_beside(self, entry: HistoryEntry, suffix: str, version: int, key: str,
                      payload: dict) -> None:
        folder = self._folder(entry.project)
        if not (folder / f"{entry.id}.json").exists():
            return  # pruned meanwhile: a file without its entry would never be removed
        text = json.dumps({"format": version, "snapshot": entry.digest, "key": key, **payload})
        write_atomic(folder / f"{entry.id}{suffix}", text)

    def _folder(self, project: str) -> Path:
        if not is_project_name(project):
            raise ValueError(f"not a project name: {project!r}")
        return self.root / project

    def _entry(self, project: str, path: Path) -> HistoryEntry:
        match = _ENTRY_PATTERN.fullmatch(path.stem)
        if match is None:
            raise ValueError(f"not a history entry: {path.name}")
        stamp, source, digest = match.groups()
        return HistoryEntry(project, path.stem, int(stamp) / 1e9, source, digest,
                            path.stat().st_size)

    def _prune(self, project: str) -> None:
        for old in self.entries(project)[self.keep:]:
            (self._folder(project) / f"{old.id}.json").unlink(missing_ok=True)
            (self._folder(project) / f"{old.id}{RESULT_SUFFIX}").unlink(missing_ok=True)
            (self._folder(project) / f"{old.id}{WRITES_SUFFIX}").unlink(missing_ok=True)
            (self._folder(project) / f"{old.id}{META_SUFFIX}").unlink(missing_ok=True)


def _finding(item: object) -> Finding:
    """A stored finding read back; TypeError when it is not one (the file is then ignored)."""
    if not isinstance(item, dict) or set(item) != set(_FINDING_FIELDS):
        raise TypeError("not a stored finding")
    for name, kind in _FINDING_FIELDS.items():
        if not isinstance(item[name], kind) or isinstance(item[name], bool):
            raise TypeError(f"stored finding field {name!r} has the wrong type")
    lists = {name: tuple(item[name]) for name, kind in _FINDING_FIELDS.items() if kind is list}
    for name, values in lists.items():
        element = int if name == "callbacks" else str
        if not all(isinstance(v, element) and not isinstance(v, bool) for v in values):
            raise TypeError(f"stored finding field {name!r} holds a wrong type")
    return Finding(**{**item, **lists})


def _write(item: object) -> tuple[str | dict, str]:
    """A stored ``set_props`` write read back; TypeError when it is not one."""
    if (not isinstance(item, list) or len(item) != 2 or not isinstance(item[0], (str, dict))
            or not isinstance(item[1], str)):
        raise TypeError("not a stored set_props write")
    return item[0], item[1]


def _storable(writes: list[tuple[str | dict, str]]) -> list[list] | None:
    """The writes as JSON data if they read back equal, else None (a tuple, a set, bytes,
    a non-string key or NaN in a dict id)."""
    data = [list(write) for write in writes]
    try:
        return data if json.loads(json.dumps(data, allow_nan=False)) == data else None
    except (TypeError, ValueError):
        return None
