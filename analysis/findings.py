"""Findings: what a rule reports, as plain data that reporters format."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from analysis.snapshot import Callback, Snapshot

SEVERITIES = ("error", "warning", "info")

#: The version of what a fingerprint hashes; JSON and SARIF name it, so that a change of
#: recipe is a new key and never a silent mismatch against an old baseline.
FINGERPRINT_VERSION = "dashCallbackExplorer/v1"
GENERATED = "<generated>"
#: Generated parts of component ids: a UUID, or a run of 5+ hex digits holding at least one
#: digit that stands alone between non-alphanumerics (``uuid4().hex``, ``str(uuid4())[:5]``,
#: ``id(obj)``, timestamps). Hand-written numbering (``tab-1``, ``col-12``, ``year-2024``)
#: and words (``decade``) stay: those name different components.
_GENERATED = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|(?<![0-9a-z])(?=[a-f]*[0-9])[0-9a-f]{5,}(?![0-9a-z])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    """One problem in one place. ``functions`` names every callback involved."""

    code: str
    name: str
    severity: str
    message: str
    file: str | None = None  # the decorator of the first callback involved
    line: int | None = None
    functions: tuple[str, ...] = ()  # qualified function names, in callback order
    callbacks: tuple[int, ...] = ()  # Callback.index of each callback involved
    properties: tuple[str, ...] = ()  # "id.prop" keys involved (graph highlighting)
    components: tuple[str, ...] = field(default=())  # canonical id texts involved
    #: What a recorded run showed of it ("ran on page load 3 times"): added by
    #: ``analysis.runtime.evidence``, never by a rule; not part of the fingerprint.
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "functions": list(self.functions),
            "callbacks": list(self.callbacks),
            "properties": list(self.properties),
            "components": list(self.components),
            # only when a run was recorded: reports of a plain lint keep their keys
            **({"evidence": list(self.evidence)} if self.evidence else {}),
        }

    def sort_key(self) -> tuple:
        return (self.file or "", self.line or 0, self.code, self.message)


def normalise_id(text: str) -> str:
    """An id text (or ``id.prop`` key) with its generated parts replaced by a placeholder.

    >>> normalise_id("3fa8c-store.data"), normalise_id("tab-1.value")
    ('<generated>-store.data', 'tab-1.value')
    >>> normalise_id('{"arg":0,"id":"9b1e4","prop":"color"}.value')
    '{"arg":0,"id":"<generated>","prop":"color"}.value'
    >>> normalise_id("graph-0f8e1c2a-6b7d-4e5f-8a9b-0c1d2e3f4a5b"), normalise_id("decade-2024")
    ('graph-<generated>', 'decade-2024')
    """
    return _GENERATED.sub(GENERATED, text)


def fingerprint(finding: Finding, snapshot: Snapshot) -> str:
    """A finding's identity across runs: 16 hex digits of a hash of its rule code and what it
    is about in stable terms, never its message or line (messages name lines).

    What it is about: its callbacks by module-qualified function name (an inline clientside
    callback, whose name is a hash of its JavaScript, by its file and Outputs), its
    properties and component ids with generated parts normalised (``normalise_id``), each
    sorted so that callback order does not count; its file only when it names no callback
    (a layout finding), since a callback's file is its function's module. Two findings can
    share one (the same shape twice): ``fingerprints`` numbers the repeats.
    """
    by_index = {cb.index: cb for cb in snapshot.callbacks}
    named = [by_index.get(index) for index in finding.callbacks]
    if named and all(named):
        callbacks = sorted(callback_identity(cb) for cb in named)  # type: ignore[arg-type]
    else:  # a finding made by hand, without its snapshot's callbacks
        callbacks = sorted(finding.functions)
    about = {
        "code": finding.code,
        "callbacks": callbacks,
        "properties": sorted(normalise_id(key) for key in finding.properties),
        "components": sorted(normalise_id(text) for text in finding.components),
        "file": None if callbacks else finding.file,
    }
    return _digest(json.dumps(about, sort_keys=True))


def fingerprints(findings: Iterable[Finding], snapshot: Snapshot) -> list[str]:
    """Each finding's fingerprint, all distinct: the n-th finding (n >= 2, in the order
    given) with a fingerprint already taken gets the hash of that fingerprint and n, like
    the occurrence counts of ruff and GitHub code scanning, so the first keeps its own."""
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        base = fingerprint(finding, snapshot)
        seen[base] = seen.get(base, 0) + 1
        result.append(base if seen[base] == 1 else _digest(f"{base}:{seen[base]}"))
    return result


def callback_identity(callback: Callback) -> str:
    """A callback's name across runs: its module-qualified function, or for an inline
    clientside callback (named by a hash of its code) its file and Outputs."""
    if callback.kind == "clientside" and callback.function.startswith("clientside:inline."):
        outputs = ",".join(sorted(normalise_id(d.key) for d in callback.outputs))
        return f"clientside:{callback.file}:{outputs}"
    return callback.function


def _digest(text: str) -> str:
    import hashlib  # here: OpenSSL's start-up is paid by the runs that write fingerprints

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
