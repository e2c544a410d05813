"""Reporters: the registry of output formats (text, JSON, SARIF, GitHub, Markdown) and render."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Mapping

from analysis.errors import ConfigError
from analysis.reporters.model import Report

__all__ = ["FORMATS", "OutputFormat", "Report", "downloadable_formats", "output_format", "render"]


@dataclass(frozen=True)
class OutputFormat:
    """One output format: the CLI's ``--format NAME`` and, if ``downloadable``, an explorer
    download named ``<project>-report<suffix>``."""

    name: str
    module: str  # the reporter module under analysis.reporters, imported when first used
    media_type: str
    suffix: str
    label: str
    downloadable: bool = False  # offered as a download button by the explorer

    @property
    def render(self) -> Callable[[Report], str]:
        """The reporter's ``render``: only the format a run writes is imported (a run's
        start-up pays for one reporter, not five)."""
        return importlib.import_module(f"{__name__}.{self.module}").render


#: Format name -> format, in the order the CLI lists them. Adding a format is one reporter
#: module and one entry here: the CLI's choices and the explorer's buttons follow.
FORMATS: Mapping[str, OutputFormat] = MappingProxyType({output.name: output for output in (
    OutputFormat("text", "text", "text/plain", ".txt", "Text"),
    OutputFormat("json", "json_report", "application/json", ".json", "JSON report"),
    OutputFormat("sarif", "sarif", "application/sarif+json", ".sarif", "SARIF",
                 downloadable=True),
    OutputFormat("github", "github", "text/plain", ".txt", "GitHub annotations"),
    OutputFormat("markdown", "markdown", "text/markdown", ".md", "Markdown",
                 downloadable=True),
)})


def downloadable_formats() -> tuple[OutputFormat, ...]:
    """The formats the explorer offers as downloads.

    >>> [output.name for output in downloadable_formats()]
    ['sarif', 'markdown']
    """
    return tuple(output for output in FORMATS.values() if output.downloadable)


def output_format(name: str) -> OutputFormat:
    """The format called ``name``; ConfigError naming the choices for an unknown one."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ConfigError(
            f"unknown format {name!r}; choose one of {', '.join(FORMATS)}"
        ) from None


def render(report: Report, fmt: str) -> str:
    """The report in one of FORMATS; ConfigError for an unknown format."""
    return output_format(fmt).render(report)
