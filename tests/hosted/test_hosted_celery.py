"""Background analysis on Celery: a real redis-server, a real worker, the real hosted app."""

from __future__ import annotations

import pytest

from explorer.hosted.server import HostedSettings, build_hosted_app
from hosted_support import (NEEDS_REDIS, Worker, analyse_body, free_port, hosted_env,
                            run_background_callback, start_redis, stop, write_projects)

pytestmark = NEEDS_REDIS
pytest.importorskip("celery", reason="Celery is not installed: pip install -r requirements.txt")

TOKEN = "t0ken"


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> str:
    port = free_port()
    process = start_redis(port, tmp_path_factory.mktemp("redis"))
    yield f"redis://127.0.0.1:{port}/0"
    stop(process)


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
        "inputs": [{"id": "analysis-result", "property": "data", "value": job},
                   {"id": "watch-poll", "property": "n_intervals", "value": None}],
        "state": [{"id": "revision", "property": "data", "value": 0}],
        "changedPropIds": ["analysis-result.data"]})
    assert adopted.status_code == 200 and '"revision"' in adopted.get_data(as_text=True)
    listed = client.get("/api/projects/clean/snapshots",
                        headers={"Authorization": f"Bearer {TOKEN}"}).get_json()["snapshots"]
    # serving the page analyses nothing: the adopted analysis is the only entry
    assert [entry["source"] for entry in listed] == ["analysis"]
    left = list((settings.data_dir / "results").iterdir())
    assert not left, left  # moved into the history


def test_a_project_that_is_not_configured_runs_nothing(hosted):
    settings, worker = hosted
    app = build_hosted_app(settings)
    client = app.server.test_client()
    answer = run_background_callback(client, analyse_body(app, "/etc/passwd"))
    assert "analysis-result" not in answer.get("sideUpdate", {})  # PreventUpdate: no update
    assert worker.ran_a_job()  # the job ran on the worker, and refused there
    assert not (settings.data_dir / "results").exists() or \
        not list((settings.data_dir / "results").iterdir())
