"""The test tree itself: every module name under tests/ is unique, as pytest needs it."""

from __future__ import annotations

from collections import defaultdict

from paths import REPO


def test_no_two_test_modules_share_a_name():
    # tests/ has no __init__.py files, so pytest imports each module by its bare name: two
    # files called test_x.py in different folders break collection of the whole suite.
    where = defaultdict(list)
    for path in (REPO / "tests").rglob("test_*.py"):
        where[path.name].append(str(path.relative_to(REPO)))
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}
