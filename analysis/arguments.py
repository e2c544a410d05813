"""Command-line pieces every subcommand shares: the parser type, exit codes, number checks."""

from __future__ import annotations

import argparse

from analysis.errors import ConfigError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is a ConfigError: ``error: ...`` first, usage after."""

    def error(self, message: str):  # type: ignore[override]
        raise ConfigError(message, details=self.format_usage())


def positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text}")
    return value


def positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, got {text}")
    return value
