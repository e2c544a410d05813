"""The README's hosted command for real: gunicorn gthread, simultaneous first requests, async."""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from analysis.probe.runner import snapshot_target
from explorer.hosted.history import SnapshotHistory
from hosted_support import CLEAN_APP, free_port, hosted_env, start_gunicorn, stop, write_projects

CLIENTS = 32


def wait_for_port(port: int, process, timeout: float = 60.0) -> None:
    """Wait for the listening socket only: no HTTP request may reach the app before the test."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn exited:\n{stop(process)}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"gunicorn did not listen on {port} within {timeout} s")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gunicorn")
    data = folder / "data"
    # A snapshot already in the history (as CI would upload it): no probe on first requests.
    SnapshotHistory(data / "history").add("clean", snapshot_target(str(CLEAN_APP)), "ci")
    port = free_port()
    log = folder / "gunicorn.log"
    process = start_gunicorn(hosted_env(write_projects(folder), data), port,
                             "--error-logfile", str(log))
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}", log
    finally:
        stop(process)


#: What the page's controls hold when a user has typed "clean" into the search box.
PAGE_VALUES = {"search-input.value": "clean", "project-select.value": "clean"}


def callback_body(dependency: dict, changed: str) -> dict:
    """A callback request as the renderer builds it from ``/_dash-dependencies``."""
    def spec(dep: dict) -> dict:
        return {**dep, "value": PAGE_VALUES.get(f"{dep['id']}.{dep['property']}")}

    output_id, _, prop = dependency["output"].rpartition(".")
    return {"output": dependency["output"], "outputs": {"id": output_id, "property": prop},
            "inputs": [spec(d) for d in dependency["inputs"]],
            "state": [spec(d) for d in dependency.get("state", [])],
            "changedPropIds": [changed]}


def first_requests(url: str, barrier: threading.Barrier) -> list[tuple[str, int, str]]:
    """One client's first page, all clients at the same moment: (what, status, a digest of
    the answer). A request served before Dash's setup finished would get the page without
    its scripts or the callbacks without the ones setup adds (200, but wrong)."""
    session = requests.Session()
    barrier.wait()
    answers = []
    for path in ("/", "/_dash-layout", "/_dash-dependencies"):
        response = session.get(url + path, timeout=60)
        digest = str(len(response.json())) if path == "/_dash-dependencies" else \
            str("dash_renderer" in response.text) if path == "/" else ""
        answers.append((path, response.status_code, digest))
    dependencies = session.get(url + "/_dash-dependencies", timeout=60).json()
    search = next(d for d in dependencies if d["output"] == "search-results.children")
    posted = session.post(url + "/_dash-update-component",
                          json=callback_body(search, "search-input.value"), timeout=60)
    answers.append(("search callback", posted.status_code, ""))
    return answers


def test_simultaneous_first_requests_all_succeed(served):
    url, log = served
    barrier = threading.Barrier(CLIENTS)
    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(lambda _: first_requests(url, barrier), range(CLIENTS)))
    failures = [item for answers in results for item in answers if item[1] != 200]
    assert failures == []
    assert all(answers == results[0] for answers in results), "first answers differ"
    assert results[0][0] == ("/", 200, "True")
    # Unwarmed, a worker can also die outright: plotly imports numpy lazily on the first
    # JSON answer and concurrent first imports crash it (SIGILL). None may have restarted.
    text = log.read_text()
    assert text.count("Booting worker") == 2 and "was sent" not in text, text


def test_an_async_callback_answers_under_gunicorn(served):
    url, _ = served
    body = {"output": "project-select.options",
            "outputs": {"id": "project-select", "property": "options"},
            "inputs": [{"id": "revision", "property": "data", "value": 0}],
            "changedPropIds": []}
    response = requests.post(url + "/_dash-update-component", json=body, timeout=60)
    assert response.status_code == 200, response.text[:500]
    options = response.json()["response"]["project-select"]["options"]
    assert [o["value"] for o in options] == ["clean"]


def test_health_route_and_page(served):
    url, _ = served
    assert requests.get(url + "/healthz", timeout=10).text == "ok\n"
    assert "_dash-config" in requests.get(url + "/", timeout=10).text


def test_the_load_benchmark_drives_the_served_app_without_errors(served, capsys):
    """benchmarks/load.py against the same server: page loads, selections and searches."""
    import importlib.util

    from hosted_support import REPO

    spec = importlib.util.spec_from_file_location("load", REPO / "benchmarks" / "load.py")
    load = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load)
    url, _ = served
    requests.get(url + "/healthz", timeout=60)  # both workers booted (when run alone)
    requests.get(url + "/healthz", timeout=60)
    assert load.main(["--url", url, "--clients", "2", "--duration", "5"]) == 0
    report = capsys.readouterr().out
    assert " 0 errors" in report and "select node" in report and "search ->" in report


def refused_by_the_master(env: dict) -> str:
    """The one error line gunicorn's master printed before exiting with 2 (no worker ran)."""
    process = start_gunicorn(env, free_port())
    try:
        code = process.wait(timeout=60)
    finally:
        output = stop(process)
    assert code == 2
    errors = [line for line in output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, output
    return errors[0]


def test_a_bad_projects_file_stops_gunicorn_with_one_line(tmp_path):
    """Not a worker restarted forever: the master refuses the file and exits."""
    bad = tmp_path / "projects.toml"
    bad.write_text('[[projects]]\nname = "shop"\ntarget = "missing/app.py"\n')
    assert "missing/app.py" in refused_by_the_master(hosted_env(bad, tmp_path / "data"))


def test_a_bad_setting_stops_gunicorn_with_one_line(tmp_path):
    """DCE_MAX_UPLOAD_MB=abc made every worker fail to boot and gunicorn respawn them."""
    env = hosted_env(write_projects(tmp_path), tmp_path / "data", DCE_MAX_UPLOAD_MB="abc")
    assert "DCE_MAX_UPLOAD_MB" in refused_by_the_master(env)
