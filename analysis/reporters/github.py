"""GitHub Actions workflow commands: one ``::error file=..,line=..,title=..::message`` a finding."""

from __future__ import annotations

from analysis.reporters.model import Report

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """Property values also escape ``:`` and ``,`` (GitHub's toolkit does the same).

    >>> _escape_property("DASH001 a:b,c")
    'DASH001 a%3Ab%2Cc'
    """
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for finding in report.findings:
        properties = []
        path = report.location(finding)
        if path:
            properties.append(f"file={_escape_property(path)}")
            if finding.line:
                properties.append(f"line={finding.line}")
        properties.append(f"title={_escape_property(f'{finding.code} {finding.name}')}")
        command = _COMMAND.get(finding.severity, "warning")
        lines.append(f"::{command} {','.join(properties)}::{_escape_data(finding.message)}")
    return "".join(line + "\n" for line in lines)
