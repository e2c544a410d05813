"""The rule catalog: every rule explains itself ruff-style, under a kebab-case name."""

from __future__ import annotations

import pytest

from analysis.rules import all_rules


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_every_rule_explains_itself(rule):
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert "\n" not in rule.summary
    sections = ["## What it does", "## Why is this bad?", "## Example", "## Use instead"]
    positions = [rule.rationale.find(s) for s in sections]
    assert -1 not in positions and positions == sorted(positions), rule.code
    assert rule.rationale.count("```python") >= 2, rule.code
