"""The runtime overlay's content and fetching, over a run recorded in Chromium (tests/apps/live)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from dash import no_update

from analysis.errors import ConfigError
from analysis.probe.runner import snapshot_target
from analysis.runtime.evidence import read_run
from analysis.runtime.model import RuntimeLog
from analysis.settings import Thresholds
from docs.screenshot import free_port
from explorer.callbacks.live import overlay, runtime_of
from explorer.callbacks.panels import findings_panel, selection_details
from explorer.livefeed import LiveError, LiveFeed, live_url, log_revision
from explorer.projects import Project, ProjectStore
from explorer.serve import live_feed, parse_args
from explorer.serve import main as serve
from explorer.view.runtime import HEAT, NEVER_CALLED, overlay_styles, runtime_marks
from explorer.view.stylesheet import BASE, SEVERITY_COLOURS
from paths import APPS

APP = APPS / "live" / "overlay_app.py"
#: Recorded from the app by tests/browser/test_live_overlay.py (DCE_LIVE_RECORD): a page
#: load, one click on the loop, one on "fail".
RECORDED = APPS / "live" / "overlay_run.json"


def text_of(component) -> str:
    """Every string in a component tree, joined."""
    if isinstance(component, str):
        return component
    if isinstance(component, (list, tuple)):
        return " ".join(text_of(c) for c in component)
    children = getattr(component, "children", None)
    return "" if children is None else text_of(children)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> ProjectStore:
    store = ProjectStore([Project("overlay_app", target=str(APP))],
                         tmp_path_factory.mktemp("results"))
    store.preload("overlay_app", snapshot_target(str(APP)))
    return store


@pytest.fixture(scope="module")
def log() -> RuntimeLog:
    return RuntimeLog.from_dict(json.loads(RECORDED.read_text(encoding="utf-8")))


def index_of(services, name: str) -> int:
    return next(cb.index for cb in services.snapshot.callbacks if cb.name == name)


def test_the_graph_overlay_labels_and_fills_callbacks_by_calls(store, log):
    services = store.services("overlay_app")
    rules = {rule["selector"]: rule["style"] for rule in overlay_styles(
        read_run(services.snapshot, log))}
    forward = rules[f"#cb-{index_of(services, 'forward')}"]
    assert forward["label"].startswith("forward\n21 calls · p95 ")
    assert forward["background-color"] == HEAT[2][1]  # 10-39 calls
    count = rules[f"#cb-{index_of(services, 'count')}"]
    assert count["label"].startswith("count\n1 call (1 on load) · p95 ")
    assert count["background-color"] == HEAT[0][1]
    never = rules[f"#cb-{index_of(services, 'never')}"]
    assert never["label"] == "never\nnever called" and never["border-style"] == "dashed"
    assert "1 failed" in rules[f"#cb-{index_of(services, 'fail')}"]["label"]


def drawn_style(rules: list[dict], element: dict) -> dict:
    """The style cytoscape gives an element: each rule whose selector matches it (``node``,
    ``.kind``, ``node.kind``, ``#id``, comma lists), later rules over earlier ones."""
    classes = set(element["classes"].split())

    def matches(selector: str) -> bool:
        for part in selector.split(","):
            part = part.strip()
            if part.startswith("#"):
                if part[1:] == element["data"]["id"]:
                    return True
                continue
            group, _, kind = part.partition(".")
            if group in ("", "node") and (not kind or kind in classes):
                return True
        return False

    style: dict = {}
    for rule in rules:
        if matches(rule["selector"]):
            style.update(rule["style"])
    return style


def test_never_called_keeps_the_findings_border(store, log):
    """``never`` is both never called and DASH012's (an error): the overlay's grey, dashed
    style must leave the finding's red border; a callback without a finding turns grey."""
    services = store.services("overlay_app")
    rules = list(BASE) + overlay_styles(read_run(services.snapshot, log))
    never = f"cb-{index_of(services, 'never')}"
    assert services.catalog.node_severity.get(f"cb:{index_of(services, 'never')}") == "error"
    both = drawn_style(rules, {"data": {"id": never}, "classes": "callback error"})
    assert both["border-color"] == SEVERITY_COLOURS["error"] and both["border-width"] == 3
    assert both["border-style"] == "dashed" and both["label"] == "never\nnever called"
    assert both["background-color"] == NEVER_CALLED["background-color"]
    plain = drawn_style(rules, {"data": {"id": never}, "classes": "callback"})
    assert plain["border-color"] == NEVER_CALLED["border-color"]
    # a called callback with a finding keeps it too, under its fill by calls
    forward = drawn_style(rules, {"data": {"id": f"cb-{index_of(services, 'forward')}"},
                                  "classes": "callback error"})
    assert forward["border-color"] == SEVERITY_COLOURS["error"]
    assert forward["background-color"] == HEAT[2][1]


def test_the_runs_findings_border_their_callbacks_the_worse_finding_winning(store, log):
    services = store.services("overlay_app")
    run = read_run(services.snapshot, log)
    feed = LiveFeed("http://127.0.0.1:1/", "overlay_app")
    marks = runtime_marks(runtime_of(feed, services, run))
    fail, forward = index_of(services, "fail"), index_of(services, "forward")
    assert marks == {fail: "error", forward: "warning", index_of(services, "back"): "warning"}
    rules = list(BASE) + overlay_styles(run, marks)
    # ``fail`` has no static finding: RUNTIME003 (an error) borders it red
    failed = drawn_style(rules, {"data": {"id": f"cb-{fail}"}, "classes": "callback"})
    assert failed["border-color"] == SEVERITY_COLOURS["error"] and failed["border-width"] == 3
    # ``forward``: DASH040 (error) is worse than its RUNTIME001 (warning), and stays
    both = drawn_style(rules, {"data": {"id": f"cb-{forward}"}, "classes": "callback error"})
    assert both["border-color"] == SEVERITY_COLOURS["error"]
    # a static warning under a runtime error shows the error
    worse = overlay_styles(run, {forward: "error"})
    shown = drawn_style(list(BASE) + worse,
                        {"data": {"id": f"cb-{forward}"}, "classes": "callback warning"})
    assert shown["border-color"] == SEVERITY_COLOURS["error"]
    plain = drawn_style(list(BASE) + worse,
                        {"data": {"id": f"cb-{forward}"}, "classes": "callback info"})
    assert plain["border-color"] == SEVERITY_COLOURS["error"]
    milder = drawn_style(list(BASE) + overlay_styles(run, {forward: "info"}),
                         {"data": {"id": f"cb-{forward}"}, "classes": "callback warning"})
    assert milder["border-color"] == SEVERITY_COLOURS["warning"]


def test_the_findings_show_evidence_and_the_runs_own_findings(store, log):
    services = store.services("overlay_app")
    feed = LiveFeed("http://127.0.0.1:1/", "overlay_app")
    listed, count = findings_panel(services, None, None, None, None, feed,
                                   read_run(services.snapshot, log))
    text = text_of(listed)
    assert count == "Findings (3) · 3 at run time"
    assert "▶ `count` ran on page load once in this session" in text
    assert "▶ `forward` fired 21 times for one click on loop-go" in text
    assert "▶ `never` was never called in this session (44 requests)" in text
    assert text.count("RUNTIME001") == 2 and "RUNTIME003" in text
    plain, plain_count = findings_panel(services, None, None, None)
    assert plain_count == "Findings (3)" and "▶" not in text_of(plain)


def test_the_details_show_a_callbacks_numbers_and_its_chains(store, log):
    services = store.services("overlay_app")
    run = read_run(services.snapshot, log)
    forward = selection_details(services, {"nodes": [f"cb:{index_of(services, 'forward')}"]}, run)
    text = text_of(forward)
    assert "Runtime (this session)" in text and "21 (0 on page load)" in text
    assert "#2 one click on loop-go: forward ×21 → back ×21" in text
    never = text_of(selection_details(
        services, {"nodes": [f"cb:{index_of(services, 'never')}"]}, run))
    assert "never called" in never and "in 44 requests" in never
    assert "Runtime" not in text_of(selection_details(
        services, {"nodes": [f"cb:{index_of(services, 'forward')}"]}))


class Serving:
    """A real HTTP server on loopback answering every GET with one status and body."""

    def __init__(self, status: int, body: bytes) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                self.send_response(status)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_the_feed_fetches_the_plugins_json_and_keeps_the_last_log():
    serving = Serving(200, RECORDED.read_bytes())
    try:
        feed = LiveFeed(live_url(serving.url + "app"), "overlay_app")
        assert feed.calls_url.endswith("/app/_dce/live/calls") and feed.last() is None
        fetched = feed.fetch()
        assert len(fetched.calls) == 44 and feed.last() == fetched
    finally:
        serving.close()
    with pytest.raises(LiveError, match=r"is not answering \(.*refused"):
        feed.fetch()
    assert feed.last() == fetched  # the last log stays for the panels


@pytest.mark.parametrize("status, body, message", [
    (404, b"", "answered HTTP 404 (is the live plugin on? see docs/live.md)"),
    (200, b"<html>", "did not send JSON: is it the live plugin?"),
    (200, b'{"version": 9, "calls": []}', "live data of version 9, expected 1"),
])
def test_a_wrong_answer_is_one_line(status, body, message):
    serving = Serving(status, body)
    try:
        with pytest.raises(LiveError) as raised:
            LiveFeed(live_url(serving.url), "p").fetch()
    finally:
        serving.close()
    assert message in raised.value.message and "\n" not in raised.value.message


def test_an_app_that_is_down_is_a_status_line_and_the_overlay_stays(store, log):
    services = store.services("overlay_app")
    feed = LiveFeed(live_url(f"http://127.0.0.1:{free_port()}"), "overlay_app", timeout=1.0)
    style, status, revision = overlay(feed, "overlay_app", services, None)
    assert style is no_update and revision is no_update
    assert status.startswith(f"live: {feed.url} is not answering (")
    assert overlay(feed, "other", services, None) == ([], "", no_update)
    assert log_revision(log) == [log.started_at, 0, 44, 44]


@pytest.mark.parametrize("argv, message", [
    (["--live", "http://127.0.0.1:9"], "--live needs exactly one TARGET or --snapshot"),
    ([str(APP), "--live", "127.0.0.1:9"], "--live takes the running app's URL"),
    ([str(APP), "--live", "http://127.0.0.1:9", "--live-per-action", "0"], "must be positive"),
])
def test_bad_live_options_are_one_line_errors(argv, message, capsys):
    assert serve(argv) == 2
    assert message in capsys.readouterr().err


def test_live_url_refuses_what_is_not_http():
    with pytest.raises(ConfigError):
        live_url("file:///etc/passwd")


def test_the_runtime_findings_follow_the_filters(store, log):
    services = store.services("overlay_app")
    feed, run = LiveFeed("http://127.0.0.1:1/", "overlay_app"), read_run(services.snapshot, log)
    errors, count = findings_panel(services, ["error"], None, None, None, feed, run)
    assert "RUNTIME003" in text_of(errors) and "RUNTIME001" not in text_of(errors)
    assert count.endswith("· 1 at run time")
    chosen, _ = findings_panel(services, None, ["RUNTIME001"], None, None, feed, run)
    assert text_of(chosen).count("RUNTIME001") == 2 and "RUNTIME003" not in text_of(chosen)


def test_the_project_settings_select_and_set_the_runtime_rules(tmp_path, log):
    """The explorer reads the project's pyproject.toml for the runtime rules as for the
    others: ``ignore`` and the thresholds; ``--live-per-action`` wins over the file."""
    (tmp_path / "overlay_app.py").write_text(APP.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.dash-callback-explorer]\nignore = ["RUNTIME003"]\nlive-per-action = 25\n')
    app = str(tmp_path / "overlay_app.py")
    feed = live_feed(parse_args([app, "--live", "http://127.0.0.1:9/"]))
    assert feed.thresholds == Thresholds(per_action=25, slow_load_ms=1000.0)
    assert live_feed(parse_args([app, "--live", "http://127.0.0.1:9/", "--live-per-action",
                                 "5"])).thresholds.per_action == 5
    project = Project(feed.project, target=app)
    store = ProjectStore([project], tmp_path / "results")
    store.preload(feed.project, snapshot_target(app))
    services = store.services(feed.project)
    _, count = findings_panel(services, None, None, None, None, feed,
                              read_run(services.snapshot, log))
    assert count == "Findings (3)"  # 21 calls for one click is under 25; RUNTIME003 ignored
    lower = LiveFeed(feed.url, feed.project, Thresholds(per_action=20))
    listed, count = findings_panel(services, None, None, None, None, lower,
                                   read_run(services.snapshot, log))
    assert count == "Findings (3) · 2 at run time" and "RUNTIME003" not in text_of(listed)


def test_the_rule_filter_says_which_rules_need_a_run():
    from explorer import ids
    from explorer.layout import controls

    def find(component):
        if getattr(component, "id", None) == ids.FILTER_RULE:
            return component
        children = getattr(component, "children", None)
        for child in children if isinstance(children, (list, tuple)) else [children]:
            found = None if child is None or isinstance(child, str) else find(child)
            if found is not None:  # (a component without children is falsy: its len is 0)
                return found
        return None

    labels = {o["value"]: o["label"] for o in find(controls()).options}
    assert labels["RUNTIME001"] == "RUNTIME001 fires-repeatedly (needs a run: --live)"
    assert labels["DASH020"].endswith("(off by default)") and labels["DASH040"].endswith("cycle")
