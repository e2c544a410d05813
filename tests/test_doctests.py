"""The short examples in the analysis and explorer packages' docstrings (networkx style) stay true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import analysis
import explorer

#: Modules never imported here: entry points, and the Celery worker, which builds a hosted app
#: from the environment at import (it refuses to load without DCE_REDIS_URL).
ENTRY_POINTS = frozenset({"analysis.__main__", "explorer.hosted.worker"})


def is_child_side(name: str) -> bool:
    """Whether a module runs only inside the probe's child process (its scripts import the
    target, so they are never imported in the test process)."""
    return name.startswith("analysis.probe.") and name != "analysis.probe.runner"


def modules_with_examples(package: ModuleType) -> list[str]:
    """Modules of a package whose docstrings hold examples."""
    names = []
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        if is_child_side(info.name) or info.name in ENTRY_POINTS:
            continue
        module = importlib.import_module(info.name)
        if any(test.examples for test in doctest.DocTestFinder().find(module)):
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", modules_with_examples(analysis) + modules_with_examples(explorer))
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_explorer_examples_are_collected() -> None:
    """The explorer's examples run too, not only the analysis package's."""
    found = modules_with_examples(explorer)
    assert {"explorer.view.catalog", "explorer.view.layering", "explorer.projects"} <= set(found)


def test_is_child_side() -> None:
    assert is_child_side("analysis.probe.child")
    assert not is_child_side("analysis.probe.runner")
    assert not is_child_side("analysis.graph")
