"""Findings: what a rule reports, as plain data that reporters format."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")


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
        }

    def sort_key(self) -> tuple:
        return (self.file or "", self.line or 0, self.code, self.message)
