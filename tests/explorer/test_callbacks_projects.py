"""The project picker's options, the status line and adopting a background analysis."""

from __future__ import annotations

from explorer.callbacks.projects import adopted_revision, project_options, project_status
from explorer.projects import Project, ProjectStore


def test_the_picker_says_how_each_analysis_went(demo_store):
    names = ["demo", "broken"]
    options = project_options(names, [demo_store.state(n) for n in names],
                              [("demo@1", "demo · yesterday (upload)")])
    assert options == [
        {"label": "demo (7 findings)", "value": "demo"},
        {"label": "broken (analysis failed)", "value": "broken"},
        {"label": "demo · yesterday (upload)", "value": "demo@1"},
    ]
    assert project_options([], [], []) == []


def test_the_status_line_shows_the_error_or_when_analysed(demo_store):
    assert project_status(demo_store, "nope") == []
    assert project_status(demo_store, "demo")[0].children.startswith("demo: analysed at ")
    alert = project_status(demo_store, "broken")[0]
    assert alert.color == "danger" and alert.children[1].children == "the probe failed"


def test_only_results_this_server_keeps_are_adopted(tmp_path):
    store = ProjectStore([Project("demo", snapshot_file=str(tmp_path / "none.json"))], tmp_path)
    elsewhere = store.jobs.put("elsewhere", error="x")  # a project not configured here
    for sent in (None, {"project": "demo", "error": "x"}, {"project": "demo", "path": "/etc"},
                 "/etc/passwd", "x" * 43, elsewhere):
        assert adopted_revision(store, sent) is None
    assert store.revision == 0
    job = store.jobs.put("demo", error="it broke")
    assert adopted_revision(store, job) == 1
    assert store.state("demo").error == "it broke"
    assert adopted_revision(store, job) is None  # taken once


def test_one_answer_for_a_project_with_or_without_analysis(demo_store):
    shown = demo_store.answer("demo", lambda services: len(services.findings), "nothing")
    assert shown == 7
    assert demo_store.answer("broken", lambda services: 1 / 0, "nothing") == "nothing"
    assert demo_store.answer(None, lambda services: 1 / 0, "nothing") == "nothing"


def test_the_status_line_says_when_an_analysis_was_cancelled(demo_store):
    line = project_status(demo_store, "demo", cancelled=True)
    assert line[0].children == "Analysis of demo cancelled: the last snapshot stays."
    assert line[1].children.startswith("demo: analysed at ")
    assert project_status(demo_store, "nope", cancelled=True) == []
