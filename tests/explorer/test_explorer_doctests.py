"""The short examples in the explorer's docstrings stay true (the analysis's have their own)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ("explorer.callbacks.panels", "explorer.projects", "explorer.view.filters",
           "explorer.view.urlstate")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted and not result.failed
