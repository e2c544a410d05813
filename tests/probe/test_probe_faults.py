"""Targets that hang, exit, crash, spam, run servers or lack things: each yields a typed error
(exit code 2 at the CLI) with a one-line message, or is still analysed. ``sys.exit`` at
import, with any code, is an error: a partial import is a partial analysis."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.errors import ProbeError, TargetError
from analysis.probe.runner import snapshot_target
from explorer.projects import Project, ProjectStore
from paths import REPO, TARGETS

FAULTS = TARGETS / "faults"


def probe_fault(name: str, **options) -> ProbeError | TargetError:
    with pytest.raises((ProbeError, TargetError)) as caught:
        snapshot_target(str(FAULTS / name), **options)
    error = caught.value
    assert error.message and "\n" not in error.message  # one line for people; details apart
    return error


def is_running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status  # a zombie is dead, merely not yet reaped


def test_import_that_never_finishes_times_out_and_kills_the_group(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pid_file = tmp_path / "helper.pid"
    monkeypatch.setenv("HELPER_PID_FILE", str(pid_file))
    # Small, yet long enough for the probe's own `import dash` on a busy machine.
    error = probe_fault("hangs.py", timeout=6)
    assert isinstance(error, ProbeError) and "timed out" in error.message
    assert not is_running(int(pid_file.read_text()))  # the target's own child is gone too


def test_sys_exit_before_any_app() -> None:
    error = probe_fault("exits.py")
    assert isinstance(error, TargetError) and "sys.exit(" in error.message
    assert "exits.py:8" in error.message


def test_sys_exit_0_after_registering_callbacks_is_an_error_not_a_partial_analysis() -> None:
    error = probe_fault("exits_late.py")
    assert isinstance(error, TargetError)
    assert "sys.exit(0) at exits_late.py:17" in error.message
    assert "exits_late.py" in error.details  # the target's traceback


def test_sys_exit_at_import_exits_2_with_one_line() -> None:
    done = subprocess.run([sys.executable, "-m", "analysis", str(FAULTS / "exits_late.py")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: the target called sys.exit(0) at exits_late.py:17")


def test_the_explorer_shows_sys_exit_as_a_failed_analysis(tmp_path: Path) -> None:
    store = ProjectStore([Project("late", target=str(FAULTS / "exits_late.py"))], tmp_path)
    state = store.state("late")
    assert state.services is None and "sys.exit(0)" in state.error
    assert "exits_late.py" in state.error_details


def test_os_exit_without_snapshot() -> None:
    error = probe_fault("os_exit.py")
    assert isinstance(error, ProbeError) and "exit code 0" in error.message


def test_death_by_signal() -> None:
    error = probe_fault("crashes.py")
    assert isinstance(error, ProbeError) and "SIGSEGV" in error.message
    assert "crashes.py" in error.details  # faulthandler's stack of the target


def test_megabytes_of_output_do_not_corrupt_the_snapshot() -> None:
    snapshot = snapshot_target(str(FAULTS / "noisy.py"))
    assert [cb.function for cb in snapshot.callbacks] == ["noisy.echo"]


def test_server_started_at_import_is_skipped_and_still_analysed() -> None:
    snapshot = snapshot_target(str(FAULTS / "runs_at_import.py"))
    assert [cb.function for cb in snapshot.callbacks] == ["runs_at_import.echo"]
    assert snapshot.notes  # says the server start was skipped


def test_missing_module_named_with_the_python_hint() -> None:
    error = probe_fault("missing_module.py")
    assert isinstance(error, ProbeError)
    assert "dash_callback_explorer_missing_dependency" in error.message
    assert "--python" in error.message
    assert "missing_module.py" in error.details


def test_a_module_missing_from_the_projects_own_package_is_not_an_install_hint() -> None:
    """Installing cannot help when ``src.components`` is missing from the project's own
    ``src`` (corpus round 2): the message says so and drops the --python hint."""
    with pytest.raises(TargetError) as failure:
        snapshot_target(str(TARGETS / "own_module_missing" / "app.py"))
    message = failure.value.message
    assert "'src.components'" in message and "project's own 'src'" in message
    assert "--python" not in message and "\n" not in message


def test_syntax_error_gives_file_and_line() -> None:
    error = probe_fault("syntax_error.py")
    assert isinstance(error, ProbeError) and "syntax_error.py:9" in error.message


def test_exception_at_import_gives_file_and_line() -> None:
    error = probe_fault("raises.py")
    assert isinstance(error, ProbeError)
    assert "KeyError" in error.message and "raises.py:7" in error.message


def test_no_dash_app() -> None:
    assert isinstance(probe_fault("no_app.py"), TargetError)


@pytest.mark.parametrize("target", ["does_not_exist.py", "does/not/exist", "nosuchpkg.app:app"])
def test_missing_target(target: str) -> None:
    error = probe_fault(target)
    assert isinstance(error, TargetError)


def test_memory_hog_stopped_by_the_limit() -> None:
    error = probe_fault("memory_hog.py", memory_limit_mb=1024)
    assert isinstance(error, ProbeError) and "1024 MB" in error.message


def test_memory_used_by_a_process_the_target_starts_counts_too() -> None:
    error = probe_fault("child_memory_hog.py", memory_limit_mb=1024)
    assert isinstance(error, ProbeError) and "1024 MB" in error.message


def test_address_space_reserved_but_not_used_is_not_memory() -> None:
    # Chromium (kaleido's write_image at import) reserves many GiB it never touches; the
    # limit is on resident memory, so such a target is analysed under the default limit.
    snapshot = snapshot_target(str(FAULTS / "reserves_address_space.py"))
    assert snapshot is not None


def test_bad_interpreter() -> None:
    error = probe_fault("noisy.py", python=str(FAULTS / "no-such-python"))
    assert isinstance(error, ProbeError) and "--python" in error.message


def test_target_interpreter_without_dash(tmp_path: Path) -> None:
    # A virtualenv-like interpreter that has no dash: the error says so and suggests --python.
    shim = tmp_path / "python"
    shim.write_text(f"#!/bin/sh\nexec {os.path.realpath('/usr/bin/python3')} -I -S \"$@\"\n")
    shim.chmod(0o755)
    error = probe_fault("noisy.py", python=str(shim))
    assert isinstance(error, ProbeError) and "'dash'" in error.message
