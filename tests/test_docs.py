"""docs/rules.md carries the catalog generated from the rule modules, and it is up to date."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from analysis.rules import all_rules
from paths import REPO

ROOT = REPO
GENERATOR = ROOT / "docs" / "gen_rules.py"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_rules", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_md_is_up_to_date_with_the_generator():
    gen = _generator()
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert gen.updated_text(current, gen.render_catalog()) == current, (
        "docs/rules.md is stale: run `python docs/gen_rules.py`")


def test_catalog_lists_every_rule_with_its_rationale_sections():
    catalog = _generator().render_catalog()
    for r in all_rules():
        assert f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity} |" in catalog
        assert f"### {r.code}" in catalog
    assert catalog.count("#### What it does") == len(all_rules())
    assert catalog.count("#### Use instead") == len(all_rules())


def test_regenerating_keeps_the_hand_written_sections():
    gen = _generator()
    stale = f"# Rules\n\n{gen.BEGIN}\nold table\n{gen.END}\n\n## Real-world check\n\nkept\n"
    fresh = gen.updated_text(stale, gen.render_catalog())
    assert "old table" not in fresh
    assert fresh.endswith("## Real-world check\n\nkept\n")
    assert gen.updated_text(fresh, gen.render_catalog()) == fresh  # idempotent


def test_check_mode_exit_codes(tmp_path):
    result = subprocess.run([sys.executable, str(GENERATOR), "--check"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
