"""Any layout of project: a file inside a package is imported as its dotted module, the way
pytest's ``prepend`` import mode finds a test module's root, and a namespace package gets the
module form named in its error."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.errors import TargetError
from analysis.probe.runner import resolve_target, snapshot_target
from analysis.snapshot import Snapshot
from paths import APPS, REPO, TARGETS

PACKAGE_ROOT = TARGETS / "package_layout"
INDEX = PACKAGE_ROOT / "mypkg" / "index.py"
NAMESPACE_ROOT = TARGETS / "namespace_layout"


def summary(snapshot: Snapshot) -> tuple:
    return ([(cb.function, cb.file, cb.line) for cb in snapshot.callbacks],
            [(app.name, app.primary) for app in snapshot.apps],
            [(layout.name, layout.app, layout.error) for layout in snapshot.layouts],
            snapshot.root)


def test_a_file_in_a_package_resolves_to_its_module_under_the_package_root() -> None:
    resolved = resolve_target(str(INDEX))
    assert (resolved.module, resolved.root, resolved.file) == ("mypkg.index", PACKAGE_ROOT,
                                                               INDEX)
    assert resolve_target(str(INDEX) + ":app").module == "mypkg.index"
    assert resolve_target(str(INDEX.parent)).module == "mypkg.index"  # the folder: index.py
    assert resolve_target(str(INDEX.parent / "__init__.py")).module == "mypkg"
    lone = resolve_target(str(TARGETS / "single_file" / "app.py"))  # no package: as today
    assert (lone.module, lone.root) == (None, TARGETS / "single_file")


def test_file_and_module_forms_give_the_same_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    as_file = snapshot_target(str(INDEX))
    assert [cb.function for cb in as_file.callbacks] == ["mypkg.callbacks.forecast"]
    assert as_file.callbacks[0].file == "mypkg/callbacks.py"
    assert [app.name for app in as_file.apps] == ["mypkg.index:app"]
    assert {c.id for c in as_file.components} == {"city", "forecast"}
    assert as_file.root == str(PACKAGE_ROOT)  # working directory and sys.path[0]
    monkeypatch.chdir(PACKAGE_ROOT)
    assert summary(snapshot_target("mypkg.index")) == summary(as_file)


def test_the_cli_lints_a_package_file_from_anywhere() -> None:
    done = subprocess.run([sys.executable, "-m", "analysis", str(INDEX)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "All checks passed (1 callback)" in done.stdout


def test_a_namespace_package_error_names_the_module_form_and_it_works(
        monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(TargetError) as failure:
        snapshot_target(str(NAMESPACE_ROOT / "nspkg" / "index.py"))
    message = failure.value.message
    assert "\n" not in message and "'nspkg'" in message and "--python" not in message
    command = re.search(r"`python -m analysis (\S+)` from (\S+)$", message)
    assert command is not None, message
    assert (command.group(1), Path(command.group(2))) == ("nspkg.index", NAMESPACE_ROOT)
    monkeypatch.chdir(command.group(2))
    snapshot = snapshot_target(command.group(1))
    assert [cb.function for cb in snapshot.callbacks] == ["nspkg.layout.greet"]



def test_a_package_folder_without_an_entry_file_is_imported_as_the_package() -> None:
    """crypto-dash keeps its app in the package ``dashboards`` (corpus, issue 11): the folder
    used to be refused as a project directory without app.py/index.py/main.py."""
    folder = TARGETS / "package_app" / "dashboards"
    resolved = resolve_target(str(folder))
    assert (resolved.module, resolved.root) == ("dashboards", folder.parent)
    snapshot = snapshot_target(str(folder))
    assert [cb.function for cb in snapshot.callbacks] == ["dashboards.prices.refresh"]
    with pytest.raises(TargetError, match=r"package\.module\[:attr\]"):
        resolve_target(str(TARGETS / "package_app"))  # neither an entry file nor a package


def test_a_script_beside_a_stray_init_is_imported_as_a_script() -> None:
    """Many projects keep an ``__init__.py`` at their top and run ``python app.py``, importing
    siblings by their own names; as a package module those imports fail (issue 11, corpus)."""
    app = TARGETS / "stray_init" / "app.py"
    resolved = resolve_target(str(app))
    assert (resolved.module, resolved.root) == (None, app.parent)
    snapshot = snapshot_target(str(app))
    assert [cb.function for cb in snapshot.callbacks] == ["app.go"]


def test_a_script_named_like_the_package_beside_it_can_import_that_package() -> None:
    """cafe-neo (round 10) runs `python app.py` beside its package `app/`: Python runs the
    script as __main__, so `from app.layouts import ...` finds the package. Imported under the
    name `app`, the script hid the package and the app was refused ("'app' is not a package")."""
    script = APPS / "realworld" / "script_beside_package" / "app.py"
    snapshot = snapshot_target(str(script))
    assert sorted(cb.function for cb in snapshot.callbacks) == [
        "app.callbacks.register.<locals>.clicked", "app.py.echo"]
    assert [app.name for app in snapshot.apps] == ["app.py:app"]
    assert {c.id for c in snapshot.components} == {"go", "out", "title"}



def test_a_factory_that_runs_its_app_and_returns_none_names_the_app_it_built() -> None:
    """rv-eeg (round 11): `run_RV()` builds a DashProxy, registers every callback and runs it,
    returning None. The probe refused `run_RV.py:run_RV` ("is a NoneType, not a Dash app")
    though the call had built exactly one app; served.py counted its callbacks."""
    script = TARGETS / "factory_runs_app" / "run_viewer.py"
    snapshot = snapshot_target(f"{script}:run_viewer")
    assert [app.name for app in snapshot.apps] == ["run_viewer:run_viewer()"]
    assert [cb.function for cb in snapshot.callbacks] == [
        "run_viewer.register_callbacks.<locals>.show"]


def test_a_named_dashproxy_keeps_the_callbacks_it_registers_at_server_setup() -> None:
    """rv-eeg (round 11): with `module:attr`, the probe kept only the named app's callbacks, but
    chose them before server setup, where DashProxy moves dash-extensions' blueprint callbacks
    onto the app: `build_viewer` (returning the app) lost every one of them too."""
    script = TARGETS / "factory_runs_app" / "run_viewer.py"
    snapshot = snapshot_target(f"{script}:build_viewer")
    assert [app.name for app in snapshot.apps] == ["run_viewer:build_viewer()"]
    assert [cb.function for cb in snapshot.callbacks] == [
        "run_viewer.register_callbacks.<locals>.show"]
