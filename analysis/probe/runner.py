"""Run the probe on a target in an isolated child process and return its validated snapshot."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Mapping

from analysis.errors import ProbeError, TargetError
# Target resolution lives in its own module (static mode needs it without the runner's
# imports); these names stay importable from here.
from analysis.targets import ENTRY_NAMES, ResolvedTarget, file_target, resolve_target  # noqa: F401
from analysis.snapshot import Snapshot, parse_json

PROBE = Path(__file__).with_name("child.py")
DEFAULT_MEMORY_LIMIT_MB = 4096
#: How often the parent reads the resident memory of the probe's process group (seconds):
#: often enough that an allocation cannot run far past the limit between two looks.
MEMORY_POLL_SECONDS = 0.15
STDERR_TAIL_CHARS = 4000
#: What a probe child gets of a server's environment when the caller passes an allowlist
#: (the hosted explorer): what Python, locales and temporary files need, nothing that could
#: be a secret. A project names any other variable it needs (projects file ``env``).
PROBE_ENV_ALLOWLIST = ("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR",
                       "TEMP", "TMP", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "SYSTEMROOT")
#: The hosted server's own settings (tokens, passwords, Redis URLs): never passed to a
#: probe it runs, even when a projects file names them.
OWN_ENV_PREFIX = "DCE_"
#: The live plugin's switch (dash_callback_explorer_live.ENV_VAR), never passed to the child.
LIVE_ENV_VAR = "DASH_CALLBACK_EXPLORER_LIVE"
#: Probe failure kinds that are the user's target (not a fault of running it).
TARGET_KINDS = {"no_app", "target", "exit"}


def probe_environment(environ: Mapping[str, str],
                      allowed: tuple[str, ...] | None = None) -> dict[str, str]:
    """The environment a probe child runs in: all of ``environ`` (a developer's own run);
    with ``allowed`` (a server's), only ``PROBE_ENV_ALLOWLIST``, ``LC_*`` and those names,
    never our own ``DCE_*`` settings. Never the live plugin's switch either: the child must
    not record, nor import our package into the target's interpreter (docs/live.md).

    >>> probe_environment({"PATH": "/bin", "DASH_CALLBACK_EXPLORER_LIVE": "1"})
    {'PATH': '/bin'}

    >>> probe_environment({"PATH": "/bin", "LC_ALL": "C", "SHOP_KEY": "k", "DB": "d"}, ("DB",))
    {'PATH': '/bin', 'LC_ALL': 'C', 'DB': 'd'}
    >>> probe_environment({"PATH": "/bin", "DCE_API_TOKEN": "x"}, ("DCE_API_TOKEN",))
    {'PATH': '/bin'}
    """
    if allowed is None:
        return {name: value for name, value in environ.items() if name != LIVE_ENV_VAR}
    names = set(PROBE_ENV_ALLOWLIST) | set(allowed) - {LIVE_ENV_VAR}
    return {name: value for name, value in environ.items()
            if (name in names or name.startswith("LC_")) and not name.startswith(OWN_ENV_PREFIX)}


def snapshot_target(target: str, *, python: str | None = None, timeout: float = 60.0,
                    memory_limit_mb: int | None = None,
                    env: Mapping[str, str] | None = None) -> Snapshot:
    """Probe TARGET in a child process (``python``, default this interpreter) and validate the
    snapshot it writes. ``env``: the child's environment (default: this process's). Raises TargetError / ProbeError with a one-line message."""
    resolved = resolve_target(target)
    interpreter = python or sys.executable
    if python and not (os.path.isfile(python) and os.access(python, os.X_OK)):
        raise ProbeError(f"--python {python} is not an executable file; pass the path of the "
                         f"target's interpreter, e.g. .venv/bin/python")
    limit = DEFAULT_MEMORY_LIMIT_MB if memory_limit_mb is None else memory_limit_mb
    with tempfile.TemporaryDirectory(prefix="dash-probe-") as work:
        out = Path(work) / "snapshot.json"
        # Where the parent can watch resident memory it enforces the limit itself and the
        # child sets no address-space limit (see "Probe" in docs/ARCHITECTURE.md).
        watch = limit > 0 and _can_read_memory()
        command = [interpreter, str(PROBE), "--out", str(out), "--root", str(resolved.root),
                   "--label", resolved.label, "--memory-limit-mb", str(0 if watch else limit)]
        if resolved.module:
            command += ["--module", resolved.module]
        else:
            command += ["--file", str(resolved.file)]
        if resolved.attr:
            command += ["--attr", resolved.attr]
        child_env = dict(os.environ if env is None else env)
        returncode, stderr_tail = _run_child(command, resolved.root, Path(work), timeout, target,
                                             child_env, limit if watch else 0)
        envelope = _read_envelope(out)
        if envelope is None:
            raise _no_snapshot_error(target, returncode, stderr_tail, limit)
    if not envelope.get("ok"):
        kind = envelope.get("kind", "")
        message = envelope.get("message") or "the probe failed"
        if kind == "memory":
            message = _memory_message(target, limit)
        elif resolved.file and not resolved.module and _RELATIVE_IMPORT in message:
            message = _package_message(resolved.file)
        error = TargetError if kind in TARGET_KINDS else ProbeError
        raise error(message, envelope.get("details") or stderr_tail)
    return Snapshot.from_dict(envelope.get("snapshot"), origin=f"probe of {target}")


def _run_child(command: list[str], root: Path, work: Path, timeout: float,
               target: str, env: Mapping[str, str], memory_limit_mb: int = 0) -> tuple[int, str]:
    """Run the probe in its own process group; kill the whole group on timeout, when the
    group's resident memory passes ``memory_limit_mb`` (0: not watched), and after."""
    env = dict(env, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    stderr_path = work / "stderr.txt"
    deadline = time.monotonic() + timeout
    limit_bytes = memory_limit_mb * 1024 * 1024
    with open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(command, cwd=root, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=stderr,
                                   start_new_session=True)
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise subprocess.TimeoutExpired(command, timeout)
                try:
                    returncode = process.wait(timeout=min(left, MEMORY_POLL_SECONDS)
                                              if limit_bytes else left)
                    break
                except subprocess.TimeoutExpired:
                    if limit_bytes and _group_resident_bytes(process.pid) > limit_bytes:
                        _kill_group(process.pid)
                        process.wait()
                        raise ProbeError(_memory_message(target, memory_limit_mb),
                                         _tail(stderr_path)) from None
        except subprocess.TimeoutExpired:
            _kill_group(process.pid)
            process.wait()
            raise ProbeError(
                f"{target} did not finish importing within {timeout:g} s (timed out), perhaps "
                f"waiting on a process it started (e.g. a browser for image export); make "
                f"start-up work lazy or raise --timeout",
                _tail(stderr_path),
            ) from None
        finally:
            _kill_group(process.pid)  # whatever the target left running in its group
    return returncode, _tail(stderr_path)


def _can_read_memory() -> bool:
    """True where /proc shows each process's group and resident size (Linux)."""
    return _stat_fields(os.getpid()) is not None


def _stat_fields(pid: int) -> list[bytes] | None:
    """The fields of /proc/PID/stat after the command name (which may hold spaces and
    parentheses): index 2 is the process group, 21 the resident size in pages."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            text = handle.read()
    except OSError:  # no /proc, or the process just ended
        return None
    fields = text[text.rfind(b")") + 2:].split()
    return fields if len(fields) > 21 else None


def _group_resident_bytes(pgid: int) -> int:
    """The resident memory of every process in group ``pgid``: the probe, and whatever it
    started (which inherits the group), but not the address space they merely reserve."""
    pages = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields is not None and int(fields[2]) == pgid:
                pages += int(fields[21])
    return pages * os.sysconf("SC_PAGE_SIZE")


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _tail(path: Path) -> str:
    with open(path, "rb") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - STDERR_TAIL_CHARS))
        text = handle.read().decode("utf-8", "replace")
    if size > STDERR_TAIL_CHARS:
        text = "[...]" + text[text.find("\n") + 1:] if "\n" in text else text
    return text.strip()


#: Python's message for a relative import in a module imported without its package.
_RELATIVE_IMPORT = "attempted relative import with no known parent package"


def _package_message(file: Path) -> str:
    """How to make a file that uses relative imports importable: a file outside any package
    is imported on its own, so ``from .layout import x`` cannot work (a file inside a package
    is imported as its module and never gets here)."""
    if (file.parent / "__init__.py").is_file():  # in a package, but no module name
        return (f"{file.name} uses relative imports, but its name is no Python module name, so "
                f"it cannot be imported as part of its package; rename it, e.g. "
                f"{file.stem.replace('-', '_').replace(' ', '_')}.py")
    return (f"{file.name} uses relative imports but {file.parent} is not a package: add an "
            f"__init__.py there and run `python -m analysis {file.parent.name}.{file.stem}` "
            f"from {file.parent.parent}")


def _read_envelope(path: Path) -> dict | None:
    try:
        data = parse_json(path.read_bytes())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _no_snapshot_error(target: str, returncode: int, stderr_tail: str, limit: int) -> ProbeError:
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        if "MemoryError" in stderr_tail or (name == "SIGKILL" and "Killed" in stderr_tail):
            return ProbeError(_memory_message(target, limit), stderr_tail)
        return ProbeError(f"{target} was killed by {name} while being imported; fix the crash "
                          f"(see details) and run again", stderr_tail)
    if "MemoryError" in stderr_tail:
        return ProbeError(_memory_message(target, limit), stderr_tail)
    return ProbeError(
        f"{target} ended the process (exit code {returncode}) before a snapshot was written, "
        f"e.g. with os._exit(); guard that code with `if __name__ == \"__main__\":`",
        stderr_tail,
    )


def _memory_message(target: str, limit: int) -> str:
    return (f"{target} exceeded the probe's memory limit of {limit} MB while being imported; "
            f"raise it with --memory-limit MB or avoid loading large data at import")
