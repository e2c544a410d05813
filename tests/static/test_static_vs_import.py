"""Issue 14's goal: on every fixture and example app, static mode reports no finding import
mode does not, and at least 80% of import mode's findings overall."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.lint import lint
from analysis.probe.runner import snapshot_target
from analysis.settings import LintSettings
from analysis.snapshot import Snapshot
from analysis.static.build import static_snapshot
from paths import APPS, REPO

EVERY_RULE = LintSettings(select=("ALL",))
#: What the probe and the static reading must agree on for each callback both see.
CALLBACK_FIELDS = ("kind", "file", "line", "def_line", "outputs", "inputs", "states",
                   "multi_output", "no_output", "arg_grouping", "output_key",
                   "prevent_initial_call", "prevent_initial_call_effective", "running", "app")


def fixture_apps() -> list[Path]:
    """Every app file of tests/apps and examples: a file that creates a Dash app, pages and
    helper modules left out (they are read through their app)."""
    files = sorted([*APPS.rglob("*.py"), *(REPO / "examples").rglob("*.py")])
    return [f for f in files if "pages" not in f.parts
            and ("Dash(" in f.read_text(encoding="utf-8")
                 or "DashProxy(" in f.read_text(encoding="utf-8"))]


def finding_keys(snapshot: Snapshot) -> set[tuple]:
    return {(f.code, f.file, f.line, f.functions) for f in lint(snapshot, EVERY_RULE)}


@pytest.fixture(scope="module")
def both_modes() -> dict[str, tuple[Snapshot, Snapshot]]:
    """Each fixture app's import-mode and static-mode snapshots (the probe runs once each)."""
    return {str(path.relative_to(REPO)): (snapshot_target(str(path), timeout=120),
                                          static_snapshot(str(path)))
            for path in fixture_apps()}


def test_every_fixture_app_is_compared():
    names = {str(p.relative_to(REPO)) for p in fixture_apps()}
    assert "examples/demo/app.py" in names and "tests/apps/runtime/keys_app.py" in names
    assert not any("/pages/" in name for name in names)
    assert len(names) >= 40


def test_static_reports_nothing_import_mode_does_not(both_modes):
    extra = {}
    for name, (imported, static) in both_modes.items():
        only_static = finding_keys(static) - finding_keys(imported)
        if only_static:
            extra[name] = sorted(only_static, key=str)
    assert extra == {}


def test_static_reports_at_least_80_percent_of_import_findings(both_modes):
    found = total = 0
    for imported, static in both_modes.values():
        wanted = finding_keys(imported)
        total += len(wanted)
        found += len(wanted & finding_keys(static))
    assert total > 50  # the fixtures do make findings: the ratio means something
    assert found / total >= 0.8, f"static found {found} of {total}"


def test_callbacks_read_statically_are_the_ones_dash_registers(both_modes):
    """Each callback static mode reads has the probe's dependencies, grouping, key and flags."""
    differences = []
    for name, (imported, static) in both_modes.items():
        probed: dict[tuple, list] = {}  # a loop registers one function several times
        for callback in imported.callbacks:
            if not callback.internal:
                probed.setdefault((callback.function, callback.line), []).append(callback)
        for callback in static.callbacks:
            twins = probed.get((callback.function, callback.line))
            twin = twins.pop(0) if twins else None
            if twin is None:
                differences.append((name, callback.function, "not registered by Dash"))
                continue
            differences += [(name, callback.function, field) for field in CALLBACK_FIELDS
                            if getattr(callback, field) != getattr(twin, field)]
    assert differences == []


def test_a_script_beside_its_same_named_package_is_named_as_the_probe_names_it():
    """`python app.py` next to `app/` (round 10's cafe-neo): the probe imports the script as
    `app.py` so that `import app` finds the package; static mode names its callbacks the same
    way, or their fingerprints would differ between the two modes."""
    from analysis.probe.child import script_module_name as probes
    from analysis.targets import script_module_name

    script = APPS / "realworld" / "script_beside_package" / "app.py"
    assert script_module_name(script) == probes(str(script)) == "app.py"
    plain = REPO / "examples" / "demo" / "app.py"
    assert script_module_name(plain) == probes(str(plain)) == "app"
    assert "app.py.echo" in {cb.function for cb in static_snapshot(str(script)).callbacks}
