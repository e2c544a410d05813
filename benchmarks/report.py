"""What benchmark reports share: the machine they ran on, and their section of a Markdown file."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from analysis.snapshot import write_atomic


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (the platform's name elsewhere)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return None


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def chromium_version() -> str:
    try:
        done = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True,
                              text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "not installed"
    return (done.stdout.strip().splitlines() or ["unknown"])[-1]


def machine_summary() -> str:
    """One line naming the machine and the versions a benchmark ran with.

    >>> "CPUs" in machine_summary()
    True
    """
    memory = memory_gib()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({cpu_model()}), "
        f"{f'{memory:.0f} GiB RAM' if memory else 'unknown RAM'}, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, dash {_version('dash')}, "
        f"dash-cytoscape {_version('dash-cytoscape')}, networkx {_version('networkx')}, "
        f"selenium {_version('selenium')}, {chromium_version()}; load average at start {load}"
    )


def publish(report: str, path: Path | None, markers: tuple[str, str]) -> None:
    """Print the report, and put it between ``markers`` in ``path`` when one is given."""
    print(report)
    if path:
        write_section(path, report, markers)
        print(f"updated {path}", file=sys.stderr)


def write_section(path: Path, body: str, markers: tuple[str, str]) -> None:
    """Replace the text between ``markers`` in ``path`` (or append it), atomically.

    Other sections of the file are left as they are, so several benchmarks share one file.
    """
    start, end = markers
    section = f"{start}\n{body.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n\n"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    write_atomic(path, text)
