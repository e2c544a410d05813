"""Reporters: turn a lint result into text, JSON, SARIF 2.1.0 or GitHub workflow annotations."""

from __future__ import annotations

from typing import Callable

from analysis.errors import ConfigError
from analysis.reporters import github, json_report, sarif, text
from analysis.reporters.model import Report

__all__ = ["FORMATS", "Report", "render"]

#: Format name -> function rendering a Report to the text printed on stdout.
FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
}


def render(report: Report, fmt: str) -> str:
    """The report in one of FORMATS; ConfigError for an unknown format."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise ConfigError(
            f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}"
        ) from None
    return renderer(report)
