"""Typed errors of the analysis package; each message names the problem and the fix."""


class AnalysisError(Exception):
    """Base class: a tool or target error (exit code 2). ``str(err)`` is one line for people."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details  # extra lines (a traceback, captured stderr) printed after


class ProbeError(AnalysisError):
    """The target could not be imported or inspected in the child process."""


class TargetError(AnalysisError):
    """The target named on the command line does not exist or is not a Dash app."""


class SnapshotError(AnalysisError):
    """A snapshot file is missing, malformed or of an unknown schema version."""


class ConfigError(AnalysisError):
    """Bad settings: an unknown rule code, a malformed pyproject section, a bad option."""


class BaselineError(AnalysisError):
    """A baseline file is missing, malformed, or of another version: write a new one."""
