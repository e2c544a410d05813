"""Helpers of the hosted-mode tests: a projects file, free ports, served processes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from paths import REPO

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


def start_redis(port: int, folder: Path) -> subprocess.Popen:
    """A throwaway redis-server on a loopback port: no persistence, its files in folder."""
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(folder), "--protected-mode", "yes"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited:\n{process.stdout.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return process
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise RuntimeError("redis-server did not answer PING within 20 s")


#: Marks of a test module that needs a redis-server (and Celery, imported or skipped there).
NEEDS_REDIS = [
    pytest.mark.skipif(shutil.which("redis-server") is None,
                       reason="redis-server is not installed: apt-get install redis-server "
                              "(bash .ci/run does)"),
    # Celery 5.7's Redis result backend calls redis-py's deprecated setex: not ours to fix.
    pytest.mark.filterwarnings("ignore:Call to deprecated setex:DeprecationWarning"),
]

#: docs/hosting.md's worker command (after ``python -m``).
WORKER_COMMAND = ["celery", "-A", "explorer.hosted.worker", "worker", "--loglevel", "INFO",
                  "--without-gossip", "--without-mingle", "--without-heartbeat"]


class Worker:
    """A ``celery -A explorer.hosted.worker worker`` subprocess and everything it prints."""

    def __init__(self, env: dict[str, str]) -> None:
        command = [sys.executable, "-m", *WORKER_COMMAND, "--concurrency", "1"]
        self.process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def ran_a_job(self) -> bool:
        """Whether the worker took a background callback's job. Not "succeeded": Dash's
        manager terminates the task once its result is stored, which can beat that log line."""
        return "background_callback_" in self.output and "] received" in self.output

    def wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if " ready." in self.output:
                return
            if self.process.poll() is not None:
                raise AssertionError(f"the Celery worker exited:\n{self.output[-4000:]}")
            time.sleep(0.2)
        raise AssertionError(f"the Celery worker was not ready in {timeout} s:\n{self.output}")


def outputs_of(key: str) -> list[dict] | dict:
    """The ``outputs`` dash-renderer sends for a callback known by ``key``.

    >>> outputs_of("..a.b...c.d..")
    [{'id': 'a', 'property': 'b'}, {'id': 'c', 'property': 'd'}]
    """
    found = [dict(zip(("id", "property"), o.split(".", 1))) for o in key.strip(".").split("...")]
    return found if key.startswith("..") else found[0]


def analyse_body(app, project: str) -> dict:
    """The renderer's request for "Analyse again" of ``project``."""
    button = {"id": "analyse-button", "property": "n_clicks"}
    key = next(k for k, cb in app.callback_map.items() if button in cb["inputs"])
    return {"output": key, "outputs": outputs_of(key),
            "inputs": [dict(button, value=1)],
            "state": [{"id": "project-select", "property": "value", "value": project}],
            "changedPropIds": ["analyse-button.n_clicks"]}


def page_end_id(client) -> str:
    """The signed per-page-load token the renderer echoes as ``endId`` (background jobs)."""
    import json
    import re

    page = client.get("/").get_data(as_text=True)
    config = re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', page,
                       re.S)
    return json.loads(config.group(1))["end_id"]


def run_background_callback(client, body: dict, timeout: float = 120.0) -> dict:
    """Start a background callback and poll it like dash-renderer until it answers."""
    end_id = page_end_id(client)
    started = client.post("/_dash-update-component", json=body, query_string={"endId": end_id})
    assert started.status_code == 200, started.get_data(as_text=True)[:500]
    handles = started.get_json()
    assert {"cacheKey", "job"} <= set(handles), handles
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        polled = client.post("/_dash-update-component", json=body, query_string={
            "endId": end_id, "cacheKey": handles["cacheKey"], "job": handles["job"]})
        assert polled.status_code in (200, 204), polled.get_data(as_text=True)[:500]
        if polled.status_code == 204:
            return {}  # finished without an update (PreventUpdate / no_update)
        data = polled.get_json(silent=True) or {}
        if "response" in data or "sideUpdate" in data:  # Outputs, or set_props only
            return data
        time.sleep(0.3)
    raise AssertionError(f"background callback did not finish within {timeout} s")


def callback(client, output: str, values: dict[str, object], changed: str) -> dict:
    """POST one callback request the way dash-renderer does; the response's props.
    ``output`` is part of the callback's output key (allow_duplicate adds a hash to it);
    ``values`` the page's current ``"id.prop"`` values (others are None)."""
    dependencies = client.get("/_dash-dependencies").get_json()
    dependency = next(d for d in dependencies if output in d["output"])
    key = dependency["output"]
    outputs = [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1].split("@")[0]}
               for part in key.strip(".").split("...")]

    def spec(dep: dict) -> object:
        if dep["id"].startswith("{"):
            return []  # pattern inputs: no such components on the page yet
        return {**dep, "value": values.get(f"{dep['id']}.{dep['property']}")}

    body = {"output": key, "outputs": outputs if key.startswith("..") else outputs[0],
            "inputs": [spec(d) for d in dependency["inputs"]],
            "state": [spec(d) for d in dependency.get("state", [])],
            "changedPropIds": [changed]}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()["response"]
