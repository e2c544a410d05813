"""The live plugin's call log through Flask's test client: outcomes, initial flags, actions, the ring."""

from __future__ import annotations

import pytest

import explorer.live
from explorer.live.recorder import LiveError
from live_support import fixture_module, update


def started(**options):
    app = fixture_module().make_app(plugins=[explorer.live.plugin(**options)])
    client = app.server.test_client()
    assert client.get("/").status_code == 200  # the first request sets the server up
    return app, client


def calls(client) -> list[dict]:
    response = client.get("/_dce/live/calls")
    assert response.status_code == 200 and response.mimetype == "application/json"
    document = response.get_json()
    assert document["version"] == 1 and document["app"] == "live_app"
    return document["calls"]


def test_a_page_load_chain_is_one_action_of_initial_calls_then_a_click_starts_another():
    _, client = started()
    assert update(client, "greeting.children", {"name.children": "world"}, []).status_code == 200
    update(client, "shout.children", {"greeting.children": "hello world"}, ["greeting.children"])
    update(client, "step1.children", {"go.n_clicks": 1}, ["go.n_clicks"])
    update(client, "step2.children", {"step1.children": "step 1"}, ["step1.children"])
    got = calls(client)
    assert [(c["output"], c["initial"], c["outcome"], c["status"]) for c in got] == [
        ("greeting.children", True, "updated", 200), ("shout.children", False, "updated", 200),
        ("step1.children", False, "updated", 200), ("step2.children", False, "updated", 200)]
    assert [c["action"] for c in got] == [1, 1, 2, 2]
    assert got[2]["triggered"] == got[2]["inputs_changed"] == ["go.n_clicks"]
    assert [c["seq"] for c in got] == [1, 2, 3, 4]
    assert all(c["duration_ms"] > 0 and c["request_bytes"] > 0 for c in got)
    assert got[0]["response_bytes"] > len("hello world")


def test_prevent_update_is_prevented_and_an_exception_is_an_error_with_its_line():
    app, client = started()
    update(client, "halted.children", {"halt.n_clicks": 1}, ["halt.n_clicks"])
    app.server.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: Flask answers 500
    update(client, "boomed.children", {"boom.n_clicks": 1}, ["boom.n_clicks"])
    app.server.config["PROPAGATE_EXCEPTIONS"] = True  # as under a debugger: it propagates
    with pytest.raises(TypeError):
        update(client, "boomed.children", {"boom.n_clicks": None}, ["boom.n_clicks"])
    got = calls(client)
    assert [(c["outcome"], c["status"], c["response_bytes"]) for c in got[:1]] == [
        ("prevented", 204, 0)]
    assert [(c["outcome"], c["status"], c["error"]) for c in got[1:]] == [
        ("error", 500, "ZeroDivisionError: division by zero"),
        ("error", 500, "TypeError: unsupported operand type(s) for /: 'NoneType' and 'int'")]
    assert got[0]["error"] is None and len({c["action"] for c in got}) == 3


def test_the_ring_keeps_the_newest_records_and_counts_the_dropped():
    _, client = started(capacity=3)
    for clicks in range(1, 6):
        update(client, "step1.children", {"go.n_clicks": clicks}, ["go.n_clicks"])
    document = client.get("/_dce/live/calls").get_json()
    assert document["capacity"] == 3 and document["dropped"] == 2
    assert [c["seq"] for c in document["calls"]] == [3, 4, 5]


def test_a_prop_changed_after_the_chain_window_starts_a_new_action():
    _, client = started(chain_window=0.0)
    update(client, "step1.children", {"go.n_clicks": 1}, ["go.n_clicks"])
    update(client, "step2.children", {"step1.children": "step 1"}, ["step1.children"])
    assert [c["action"] for c in calls(client)] == [1, 2]


def test_the_routes_follow_the_prefix_options_and_the_apps_path():
    app = fixture_module().make_app(plugins=[explorer.live.plugin(prefix="/probe/live/")],
                                    url_base_pathname="/sub/")
    client = app.server.test_client()
    assert client.get("/sub/probe/live/calls").get_json()["calls"] == []
    page = client.get("/sub/probe/live/").get_data(as_text=True)
    assert 'href="/sub/probe/live/calls"' in page


@pytest.mark.parametrize("options, wrong", [({"capacity": 0}, "capacity"),
                                            ({"prefix": "a b"}, "prefix")])
def test_bad_options_are_refused_naming_the_option(options, wrong):
    with pytest.raises(LiveError, match=wrong):
        explorer.live.plugin(**options)


def test_an_app_without_the_plugin_has_no_routes_and_no_hooks():
    app = fixture_module().make_app()
    assert not [rule for rule in app.server.url_map.iter_rules() if "_dce" in rule.rule]
    hooks = [*app.server.before_request_funcs.get(None, ()),
             *app.server.after_request_funcs.get(None, ())]
    assert not [hook for hook in hooks if "live" in getattr(hook, "__module__", "")]
