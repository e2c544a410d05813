"""Background analysis on Celery: a real redis-server, a real worker, the real hosted app."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from explorer.hosted.server import HostedSettings, build_hosted_app
from hosted_support import (REPO, free_port, hosted_env, run_background_callback, start_redis,
                            stop, write_projects)

pytestmark = [
    pytest.mark.skipif(shutil.which("redis-server") is None,
                       reason="redis-server is not installed: apt-get install redis-server "
                              "(bash .ci/run does)"),
    # Celery 5.7's Redis result backend calls redis-py's deprecated setex: not ours to fix.
    pytest.mark.filterwarnings("ignore:Call to deprecated setex:DeprecationWarning"),
]
pytest.importorskip("celery", reason="Celery is not installed: pip install -r requirements.txt")

TOKEN = "t0ken"


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> str:
    port = free_port()
    process = start_redis(port, tmp_path_factory.mktemp("redis"))
    yield f"redis://127.0.0.1:{port}/0"
    stop(process)


class Worker:
    """A ``celery -A explorer.hosted.worker worker`` subprocess and everything it prints."""

    def __init__(self, env: dict[str, str]) -> None:
        command = [sys.executable, "-m", "celery", "-A", "explorer.hosted.worker", "worker",
                   "--loglevel", "INFO", "--concurrency", "1", "--without-gossip",
                   "--without-mingle", "--without-heartbeat"]
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


@pytest.fixture
def hosted(tmp_path, redis_url):
    config = write_projects(tmp_path)
    settings = HostedSettings(config=config, data_dir=tmp_path / "data", api_token=TOKEN,
                              redis_url=redis_url)
    worker = Worker(hosted_env(config, settings.data_dir, DCE_REDIS_URL=redis_url))
    try:
        worker.wait_ready()
        yield settings, worker
    finally:
        stop(worker.process)


def analyse_body(app, project: str) -> dict:
    """The renderer's request for "Analyse again": a callback without Outputs (its result
    comes back by set_props), so Dash knows it by a hash of its inputs."""
    button = {"id": "analyse-button", "property": "n_clicks"}
    key = next(k for k, cb in app.callback_map.items() if button in cb["inputs"])
    return {
        "output": key,
        "outputs": [],
        "inputs": [{"id": "analyse-button", "property": "n_clicks", "value": 1}],
        "state": [{"id": "project-select", "property": "value", "value": project}],
        "changedPropIds": ["analyse-button.n_clicks"],
    }


def test_analyse_again_runs_on_a_celery_worker_and_lands_in_the_history(hosted):
    settings, worker = hosted
    app = build_hosted_app(settings)
    client = app.server.test_client()

    answer = run_background_callback(client, analyse_body(app, "clean"))
    job = answer["sideUpdate"]["analysis-result"]["data"]
    assert isinstance(job, str), job  # an opaque id: the result stays on the server
    assert worker.ran_a_job()

    adopted = client.post("/_dash-update-component", json={
        "output": "revision.data", "outputs": {"id": "revision", "property": "data"},
        "inputs": [{"id": "analysis-result", "property": "data", "value": job}],
        "changedPropIds": ["analysis-result.data"]})
    assert adopted.status_code == 200 and '"revision"' in adopted.get_data(as_text=True)
    listed = client.get("/api/projects/clean/snapshots",
                        headers={"Authorization": f"Bearer {TOKEN}"}).get_json()["snapshots"]
    assert [e["source"] for e in listed] == ["analysis"]
    assert not list((settings.data_dir / "results").iterdir())  # moved into the history


def test_a_project_that_is_not_configured_runs_nothing(hosted):
    settings, worker = hosted
    app = build_hosted_app(settings)
    client = app.server.test_client()
    answer = run_background_callback(client, analyse_body(app, "/etc/passwd"))
    assert "analysis-result" not in answer.get("sideUpdate", {})  # PreventUpdate: no update
    assert worker.ran_a_job()  # the job ran on the worker, and refused there
    assert not (settings.data_dir / "results").exists() or \
        not list((settings.data_dir / "results").iterdir())
