"""Patterns met in real Dash apps (see docs/rules.md, "Real-world check"), reproduced in small
fixture apps under tests/apps/realworld/ and run through the real probe: each false positive
that was fixed stays fixed, and the true positive next to it still fires."""
from __future__ import annotations

import pytest

from analysis.findings import Finding
from analysis.probe.runner import snapshot_target
from paths import APPS as ALL_APPS
from snapshot_factory import probed_findings

APPS = ALL_APPS / "realworld"


def _codes_by_function(findings: list[Finding]) -> dict[str, set[str]]:
    by_function: dict[str, set[str]] = {}
    for finding in findings:
        for function in finding.functions:
            by_function.setdefault(function.rsplit(".", 1)[-1], set()).add(finding.code)
    return by_function


@pytest.mark.parametrize("function", ["display", "edit_list", "count"])
def test_dash010_trigger_or_event_read_through_a_local_name_is_a_guard(function):
    codes = _codes_by_function(probed_findings("realworld/trigger_alias_app.py"))
    assert "DASH010" not in codes.get(function, set())


def test_dash010_still_fires_on_the_unguarded_callback():
    codes = _codes_by_function(probed_findings("realworld/trigger_alias_app.py"))
    assert "DASH010" in codes["save_unguarded"]


def test_dash072_id_shared_by_the_app_shell_and_a_page_is_a_duplicate():
    findings = probed_findings("realworld/pages_shell_app")
    duplicates = [f for f in findings if f.code == "DASH072"]
    # not "graph" (two pages), not "logo" (nothing names it, tests/browser/test_duplicate_ids.py)
    assert [f.components for f in duplicates] == [("status",)]
    assert {f.code for f in findings} == {"DASH072"}  # page_container ids, data-*: no finding


def test_a_package_module_given_as_a_file_gets_a_command_that_works(monkeypatch):
    """`python -m analysis pkg/app.py` imports the file as `relpkg.app` (issue 11: a file inside
    a package is its dotted module), so `from .layout import ...` works, as the module form does."""
    snapshot = snapshot_target(str(APPS / "relpkg" / "app.py"))
    assert [cb.function for cb in snapshot.callbacks] == ["relpkg.app.greet"]
    monkeypatch.chdir(APPS)
    assert [cb.function for cb in snapshot_target("relpkg.app").callbacks] == ["relpkg.app.greet"]
