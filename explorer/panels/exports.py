"""What the explorer's download buttons send: the snapshot JSON, or a registry format's report."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.errors import ConfigError
from analysis.reporters import Report, output_format
from explorer.services import SnapshotServices


@dataclass(frozen=True)
class Download:
    """A file for the browser to save."""

    content: str
    filename: str
    media_type: str


def snapshot_download(services: SnapshotServices, project: str) -> Download:
    """The snapshot itself, loadable by ``--snapshot`` and the explorer."""
    return Download(services.snapshot.to_json(), f"{project}-snapshot.json", "application/json")


def report_download(services: SnapshotServices, project: str, fmt: str) -> Download:
    """The project's findings in a downloadable registry format, rendered as the CLI renders
    them; ConfigError for a format the explorer does not offer."""
    output = output_format(fmt)
    if not output.downloadable:
        raise ConfigError(f"the explorer does not offer {fmt!r} reports for download")
    report = Report(services.snapshot, services.findings, title=project)
    return Download(output.render(report), f"{project}-report{output.suffix}", output.media_type)
