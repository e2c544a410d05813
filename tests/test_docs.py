"""The docs written from code (the rule catalog, the module map) are up to date with it."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from analysis.rules import all_rules
from paths import REPO

ROOT = REPO
GENERATOR = ROOT / "docs" / "generate.py"


def _generator():
    spec = importlib.util.spec_from_file_location("generate_docs", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_docs_are_up_to_date():
    for path, wanted in _generator().generated_docs().items():
        assert path.read_text(encoding="utf-8") == wanted, (
            f"{path} is stale: run `python docs/generate.py`")


def test_module_map_names_every_module_with_its_docstring():
    module_map = _generator().render_module_map()
    for package in ("analysis", "explorer"):
        for path in (ROOT / package).rglob("*.py"):
            if path.name != "__init__.py":
                assert f"| `{path.relative_to(ROOT).as_posix()}` |" in module_map
    assert "(no docstring)" not in module_map


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
