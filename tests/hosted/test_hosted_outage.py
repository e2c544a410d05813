"""Redis outages (issue 13, item 8): a real redis-server each test stops and restarts, a real
Celery worker, the real hosted app. Each test failed before the fix: polls answered 500 while
Redis was down, a start answered 500, and a job Redis forgot was polled for ever.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from explorer.hosted.server import HostedSettings, build_hosted_app
from hosted_support import (NEEDS_REDIS, REPO, Worker, analyse_body, free_port, hosted_env,
                            page_end_id, run_background_callback, start_redis, stop,
                            write_projects)

pytestmark = NEEDS_REDIS
pytest.importorskip("celery", reason="Celery is not installed: pip install -r requirements.txt")

SLOW_IMPORT = REPO / "tests" / "targets" / "slow_import"
#: How soon a page must hear that its job cannot go on.
SECONDS = 10


class Outage:
    """A redis-server of the test's own on a fixed port, stopped and started again."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.port = folder, free_port()
        self.process = start_redis(self.port, folder)
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        stop(self.process)

    def restart(self) -> None:
        self.stop()
        self.process = start_redis(self.port, self.folder)  # empty: no persistence


@pytest.fixture
def redis(tmp_path):
    outage = Outage(tmp_path)
    yield outage
    outage.stop()


@pytest.fixture
def slow(tmp_path, redis):
    """A project whose probe sleeps while its SLOW file says so, served over ``redis``."""
    folder = tmp_path / "slow"
    shutil.copytree(SLOW_IMPORT, folder)
    config = write_projects(tmp_path, slow=str(folder / "app.py"))
    settings = HostedSettings(config=config, data_dir=tmp_path / "data", redis_url=redis.url)
    return settings, folder


class Page:
    """One page load driving "Analyse again" the way dash-renderer does."""

    def __init__(self, app) -> None:
        self.client = app.server.test_client()
        self.body = analyse_body(app, "slow")
        self.end_id = page_end_id(self.client)
        self.handles: dict = {}

    def start(self) -> int:
        started = self.client.post("/_dash-update-component", json=self.body,
                                   query_string={"endId": self.end_id})
        if started.status_code == 200:
            self.handles = started.get_json()
        return started.status_code

    def poll_until_answered(self, timeout: float) -> dict:
        """Poll until the job answers; every poll must be a 200 or 204, never a 500."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            polled = self.client.post("/_dash-update-component", json=self.body, query_string={
                "endId": self.end_id, "cacheKey": self.handles["cacheKey"],
                "job": self.handles["job"]})
            assert polled.status_code in (200, 204), polled.get_data(as_text=True)[:300]
            data = polled.get_json(silent=True) or {}
            if polled.status_code == 204 or "sideUpdate" in data or "response" in data:
                return data
            time.sleep(0.5)
        raise AssertionError(f"the job did not answer within {timeout} s")


def notice_of(answer: dict) -> str:
    """The job notice the answer writes (the job's Output, or a set_props)."""
    written = {**answer.get("response", {}), **answer.get("sideUpdate", {})}
    return written.get("job-notice", {}).get("children", "")


def test_a_job_redis_goes_away_from_says_so_and_the_worker_reconnects(slow, redis, tmp_path):
    settings, folder = slow
    (folder / "SLOW").write_text("20")
    worker = Worker(hosted_env(settings.config, settings.data_dir, DCE_REDIS_URL=redis.url))
    try:
        worker.wait_ready()
        app = build_hosted_app(settings)
        page = Page(app)
        assert page.start() == 200
        deadline = time.monotonic() + 60
        while not worker.ran_a_job() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert worker.ran_a_job(), worker.output[-3000:]
        redis.stop()
        lost = time.monotonic()
        answer = page.poll_until_answered(SECONDS)
        assert time.monotonic() - lost < SECONDS
        assert "Analysis of slow could not run: the job queue (Redis)" in notice_of(answer)

        connected = worker.output.count("Connected to redis")
        redis.restart()
        deadline = time.monotonic() + 90
        while worker.output.count("Connected to redis") <= connected:
            assert worker.process.poll() is None, worker.output[-4000:]
            assert time.monotonic() < deadline, worker.output[-4000:]
            time.sleep(0.3)
        (folder / "SLOW").unlink()
        again = run_background_callback(Page(app).client, analyse_body(app, "slow"), timeout=90)
        handed_over = again.get("sideUpdate", {}).get("analysis-result", {}).get("data")
        assert isinstance(handed_over, str), again  # a job id: the next job ran
        assert worker.process.poll() is None and "Unrecoverable" not in worker.output
    finally:
        stop(worker.process)


def test_analyse_again_while_redis_is_down_says_so_within_seconds(slow, redis):
    settings, _ = slow
    app = build_hosted_app(settings)
    page = Page(app)
    redis.stop()
    began = time.monotonic()
    assert page.start() == 200
    answer = page.poll_until_answered(SECONDS)
    assert time.monotonic() - began < SECONDS
    assert "could not run: the job queue (Redis) is unreachable" in notice_of(answer)


def test_a_job_redis_forgot_fails_instead_of_polling_for_ever(slow, redis):
    """No worker: the job waits in the queue, then Redis restarts empty between two polls."""
    settings, _ = slow
    app = build_hosted_app(settings)
    page = Page(app)
    assert page.start() == 200
    redis.restart()
    answer = page.poll_until_answered(SECONDS)
    assert "could not run: the job queue (Redis) lost this analysis" in notice_of(answer)
