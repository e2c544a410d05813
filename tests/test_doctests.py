"""The short examples in the analysis package's docstrings (networkx style) stay true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import analysis



def modules_with_examples() -> list[str]:
    """Modules of the package whose docstrings hold examples (the probe's are child-process
    scripts and are never imported here)."""
    names = []
    for info in pkgutil.walk_packages(analysis.__path__, "analysis."):
        child_side = info.name.startswith("analysis.probe.") and info.name != "analysis.probe.runner"
        if child_side or info.name == "analysis.__main__":
            continue
        module = importlib.import_module(info.name)
        if any(test.examples for test in doctest.DocTestFinder().find(module)):
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", modules_with_examples())
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
