"""Analysed once per stored snapshot: results kept beside the history, /healthz vs /readyz."""

from __future__ import annotations

import json
import time

import pytest
import requests

from analysis.lint import lint
from analysis.snapshot import dump_json, snapshot_id
from benchmarks.adversarial import one_output_many_writers, realistic
from analysis.graph import build_graph
from explorer.hosted.history import RESULT_SUFFIX, WRITES_SUFFIX, SnapshotHistory
from explorer.hosted.projects import HostedProjectStore
from explorer.projects import Project
from explorer.view.filters import ViewSpec
from hosted_support import CLEAN_APP, free_port, hosted_env, start_gunicorn, stop, write_projects

PROJECT = Project("clean", target=str(CLEAN_APP), env=())


def make_store(root) -> HostedProjectStore:
    """A hosted store over ``root``'s history: a new one is what a restarted process has."""
    return HostedProjectStore([PROJECT], SnapshotHistory(root / "history", keep=2),
                              results_dir=root / "results")


def result_files(root) -> list:
    return sorted((root / "history" / "clean").glob(f"*{RESULT_SUFFIX}"))


def test_an_upload_is_analysed_once_and_a_restart_reads_the_stored_result(tmp_path):
    """Before: every start and every process linted each project's newest snapshot again
    (a 16 MB upload: 3.5 minutes to restart). Now the upload stores its findings."""
    snapshot = one_output_many_writers(6)
    expected = tuple(lint(snapshot, PROJECT.settings()))
    assert expected, "the snapshot must have findings for this test to mean something"
    make_store(tmp_path).history.add("clean", snapshot, source="ci")
    (stored,) = result_files(tmp_path)

    services = make_store(tmp_path).services("clean")  # a restart: a new store, same folder
    assert services.has_findings, "the restarted store linted instead of reading the result"
    assert services.findings == expected
    assert result_files(tmp_path) == [stored]


@pytest.mark.parametrize("content", [
    "{", "[]", '{"format": 1}', "null",
    '{"format": 1, "snapshot": "%(digest)s", "key": "another linter", "findings": []}',
    '{"format": 1, "snapshot": "%(digest)s", "key": "%(key)s", "findings": [{"code": 1}]}',
    '{"format": 1, "snapshot": "0000000000000000", "key": "%(key)s", "findings": []}',
])
def test_a_corrupt_or_stale_result_is_analysed_again_never_fatal(tmp_path, content):
    snapshot = one_output_many_writers(6)
    store = make_store(tmp_path)
    entry = store.history.add("clean", snapshot, source="ci")
    (stored,) = result_files(tmp_path)
    key = json.loads(stored.read_text())["key"]
    stored.write_text(content % {"digest": entry.digest, "key": key})

    services = make_store(tmp_path).services("clean")
    assert not services.has_findings  # the bad result was not taken
    assert services.findings == tuple(lint(snapshot, PROJECT.settings()))
    assert json.loads(stored.read_text())["key"] == key  # and it was stored again, whole


def test_a_pruned_entry_takes_its_result_with_it(tmp_path):
    store = make_store(tmp_path)  # keeps 2 entries
    for n in (4, 6, 8):
        store.history.add("clean", one_output_many_writers(n), source="ci")
    assert len(result_files(tmp_path)) == 2
    assert {p.name.removesuffix(RESULT_SUFFIX) for p in result_files(tmp_path)} == {
        e.id for e in store.history.entries("clean")}


def test_the_worker_that_stored_an_upload_shows_it_without_reading_it_back(tmp_path):
    """Before: the uploading worker threw away the snapshot it had just analysed, read the
    20 MB file back on its first page and built the graph the lint had built (2.4 s)."""
    snapshot = one_output_many_writers(6)
    store = make_store(tmp_path)
    entry = store.history.add("clean", snapshot, source="ci")
    services = store.services("clean")
    assert services.snapshot is snapshot, "the stored snapshot was read back from disk"
    assert services.has_findings and "graph" in services.__dict__  # the lint's own graph
    assert entry.digest == snapshot_id(snapshot) == services.id
    assert (tmp_path / "history" / "clean" / f"{entry.id}.json").read_bytes() == dump_json(
        snapshot.to_dict())


def test_another_worker_loads_an_upload_while_it_is_analysed_and_never_lints_it(tmp_path):
    """Before: the worker that did not take an upload read it, built its graph and laid it
    out only in the first page's request (4 s of a 20 MB upload's first page)."""
    snapshot = realistic(40)
    other = make_store(tmp_path)  # the other worker, already running
    history = SnapshotHistory(tmp_path / "history", keep=2)  # the uploading worker's file write
    entry = history.add("clean", snapshot, source="ci")  # its analysis is still under way

    other.follow("clean")
    services = other.services("clean")
    assert services.snapshot == snapshot and "graph" in services.__dict__
    assert not services.has_findings and result_files(tmp_path) == []  # it did not lint

    uploader = make_store(tmp_path)
    findings = uploader.entry_services(entry, snapshot).findings  # analysed and stored there
    other.follow("clean")
    assert other.services("clean") is services and services.has_findings
    assert services.findings == findings
    assert services.graph_view.cache_info().currsize == 1  # laid out before any page asks
    assert len(result_files(tmp_path)) == 1


def test_another_worker_builds_clusters_and_search_before_the_findings_are_stored(tmp_path):
    """Before: everything after the graph waited for the uploading worker's findings, so the
    other worker's first page came ~1.5 s (20 MB) after them; only the colours need them."""
    snapshot = one_output_many_writers(6)
    other = make_store(tmp_path)
    entry = SnapshotHistory(tmp_path / "history", keep=2).add("clean", snapshot, source="ci")
    other.follow("clean")
    services = other.services("clean")
    assert not services.has_findings
    assert {"clusters", "search_index"} <= services.__dict__.keys()
    assert "catalog" not in services.__dict__  # the severities wait for the findings

    make_store(tmp_path).entry_services(entry, snapshot).findings  # the uploader's lint
    other.follow("clean")
    fresh = make_store(tmp_path).services("clean")  # built whole after the findings
    assert services.catalog.node_severity and services.catalog == fresh.catalog
    assert services.search_index == fresh.search_index
    assert services.overview(ViewSpec(), ()) == fresh.overview(ViewSpec(), ())
    assert services.graph_view(ViewSpec(), (), "dagre") == fresh.graph_view(ViewSpec(), (),
                                                                              "dagre")


def graph_facts(graph) -> tuple[list, list]:
    return list(graph.nodes(data=True)), list(graph.edges(data=True))


def test_the_set_props_writes_are_kept_so_no_other_process_parses_the_sources(tmp_path):
    """Before: every other worker and every restart parsed each set_props writer's source
    again to build its graph (~1.3 s CPU on the 20 MB snapshot)."""
    snapshot = realistic(40)  # one callback in five writes a note through set_props
    make_store(tmp_path).history.add("clean", snapshot, source="ci")
    (kept,) = (tmp_path / "history" / "clean").glob(f"*{WRITES_SUFFIX}")
    data = json.loads(kept.read_text())
    assert len(data["writes"]) == 40 // 5  # the writers (only their sources mention it)
    restarted = make_store(tmp_path).services("clean")
    assert graph_facts(restarted.graph) == graph_facts(build_graph(snapshot))

    index = next(i for i, writes in data["writes"].items() if writes)
    data["writes"][index] = [["only-in-the-kept-file", "children"]]
    kept.write_text(json.dumps(data))
    graph = make_store(tmp_path).services("clean").graph
    assert graph.has_edge(f"cb:{index}", "prop:only-in-the-kept-file.children")


@pytest.mark.parametrize("content", ["{", "[]", '{"format": 1, "writes": {}}', "null"])
def test_corrupt_set_props_writes_are_parsed_again(tmp_path, content):
    snapshot = realistic(40)
    make_store(tmp_path).history.add("clean", snapshot, source="ci")
    (kept,) = (tmp_path / "history" / "clean").glob(f"*{WRITES_SUFFIX}")
    kept.write_text(content)
    graph = make_store(tmp_path).services("clean").graph
    assert graph_facts(graph) == graph_facts(build_graph(snapshot))


def wait_for(url: str, status: int, process, timeout: float) -> float:
    """Seconds until ``url`` answers ``status``; fails with the server's output otherwise."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn exited:\n{stop(process)[-3000:]}")
        try:
            if requests.get(url, timeout=5).status_code == status:
                return time.monotonic() - start
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not answer {status} within {timeout} s:\n"
                         f"{stop(process)[-3000:]}")


def test_gunicorn_is_live_during_warm_up_and_ready_after_it(tmp_path):
    """Before: a worker warmed the history while importing the app, so /healthz did not
    answer for minutes on a large snapshot (the Docker health check killed it) and there
    was no readiness route (/readyz was Dash's catch-all page, 200). Now liveness answers
    at once, readiness says 503 until the warm-up is done, and a restart reads the stored
    result instead of linting again."""
    data = tmp_path / "data"
    SnapshotHistory(data / "history").add("clean", realistic(3_000), source="ci")
    env = hosted_env(write_projects(tmp_path), data)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = start_gunicorn(env, port)
    try:
        wait_for(url + "/healthz", 200, process, timeout=120)
        assert requests.get(url + "/readyz", timeout=5).status_code == 503
        wait_for(url + "/readyz", 200, process, timeout=300)
        assert requests.get(url + "/healthz", timeout=5).text == "ok\n"
    finally:
        stop(process)
    (stored,) = data.glob(f"history/clean/*{RESULT_SUFFIX}")
    written = stored.stat().st_mtime_ns

    process = start_gunicorn(env, port)
    try:
        wait_for(url + "/readyz", 200, process, timeout=120)
        page = requests.get(url + "/", timeout=30)
        assert page.status_code == 200 and "_dash-config" in page.text
    finally:
        stop(process)
    assert stored.stat().st_mtime_ns == written, "the restart linted the snapshot again"
