"""Helpers of the hosted-mode tests: a projects file, free ports, served processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLEAN_APP = REPO / "examples" / "clean_app.py"


def write_projects(folder: Path, **targets: str) -> Path:
    """A projects TOML in ``folder`` naming each target (default: the clean example)."""
    targets = targets or {"clean": str(CLEAN_APP)}
    text = "".join(f'[[projects]]\nname = "{name}"\ntarget = "{target}"\ntimeout = 60\n\n'
                   for name, target in targets.items())
    path = folder / "projects.toml"
    path.write_text(text, encoding="utf-8")
    return path


def hosted_env(config: Path, data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a hosted process: this one's, plus the DCE_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DCE_")}
    env.update(DCE_CONFIG=str(config), DCE_DATA_DIR=str(data_dir), PYTHONPATH=str(REPO))
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    """Wait until ``url`` answers (any status); fail with the process's output if it died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            out = process.stdout.read() if process.stdout else ""
            raise RuntimeError(f"server exited with {process.returncode}:\n{out}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def start_gunicorn(env: dict[str, str], port: int, *extra: str) -> subprocess.Popen:
    """The README's hosted command on a loopback port, from the repository folder."""
    command = [sys.executable, "-m", "gunicorn", "app:server", "-k", "gthread",
               "--workers", "2", "--threads", "4", "--bind", f"127.0.0.1:{port}", *extra]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def stop(process: subprocess.Popen) -> str:
    """Terminate a process we started and return what it printed."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.stdout.read() if process.stdout else ""
