"""The probe and its runner on realistic target apps (each target probed once per session)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.probe.runner import resolve_target, snapshot_target
from analysis.snapshot import Callback, Snapshot
from analysis.source.python import parse_function
from paths import REPO, TARGETS



@pytest.fixture(scope="session")
def single_file() -> Snapshot:
    return snapshot_target(str(TARGETS / "single_file" / "app.py"))


@pytest.fixture(scope="session")
def features() -> Snapshot:
    return snapshot_target(str(TARGETS / "features" / "app.py"))


@pytest.fixture(scope="session")
def multipage() -> Snapshot:
    return snapshot_target(str(TARGETS / "multipage"))  # a directory: finds app.py


@pytest.fixture(scope="session")
def multi_app() -> Snapshot:
    return snapshot_target(str(TARGETS / "multi_app" / "app.py"))


@pytest.fixture(scope="session")
def odd_names(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Snapshot]:
    # Copied: the target writes a file next to itself at import.
    root = tmp_path_factory.mktemp("odd") / "odd names"
    shutil.copytree(TARGETS / "odd names", root)
    return root, snapshot_target(str(root / "sales-report v2.py"))


def lines_of(path: Path, definition: str) -> tuple[int, int]:
    """(first decorator line, def line) of a function in a target, counted from its text."""
    lines = path.read_text().splitlines()
    def_line = next(i for i, text in enumerate(lines, 1) if text.startswith(definition))
    first = def_line
    while first > 1 and lines[first - 2].strip() and not lines[first - 2].startswith("#"):
        first -= 1
    return first, def_line


def line_starting(path: Path, prefix: str) -> int:
    return next(i for i, text in enumerate(path.read_text().splitlines(), 1)
                if text.startswith(prefix))


FEATURES = TARGETS / "features" / "app.py"


def by_name(snapshot: Snapshot, name: str) -> Callback:
    (found,) = [cb for cb in snapshot.callbacks if cb.name == name]
    return found


def test_single_file_app_callbacks_named_and_placed(single_file: Snapshot) -> None:
    assert [cb.function for cb in single_file.callbacks] == ["app.update_total", "app.apply_coupon"]
    total = by_name(single_file, "update_total")
    expected = lines_of(TARGETS / "single_file" / "app.py", "def update_total")
    assert (total.file, total.line, total.def_line) == ("app.py", *expected)
    assert total.source.startswith("@callback(") and "def update_total" in total.source
    assert [d.key for d in total.inputs] == ["quantity.value", "product.value"]
    assert total.app is None  # dash.callback goes to the global list
    coupon = by_name(single_file, "apply_coupon")
    assert coupon.app == "app:app"
    assert [d.key for d in coupon.states] == ["coupon-code.value"]
    assert coupon.prevent_initial_call is True and coupon.prevent_initial_call_effective


def test_single_file_app_layout_and_settings(single_file: Snapshot) -> None:
    (app,) = single_file.apps
    assert app.primary and app.served and not app.suppress_callback_exceptions
    ids = {c.id for c in single_file.components}
    assert {"quantity", "product", "apply-coupon", "coupon-code", "total", "message"} <= ids
    assert "figure" not in single_file.component_types["dash_html_components.Div"]
    assert "data-*" in single_file.component_types["dash_html_components.Div"]
    assert "n_clicks" in single_file.component_types["dash_html_components.Button"]
    assert single_file.root == str((TARGETS / "single_file").resolve())
    assert single_file.dash_version and single_file.python_version


def test_pattern_ids_in_wire_format(features: Snapshot) -> None:
    show = by_name(features, "show_filter")
    assert show.outputs[0].id == {"type": "filter-label", "index": ["MATCH"]}
    assert show.outputs[0].is_pattern
    assert by_name(features, "count_previous").states[0].id["index"] == ["ALLSMALLER"]
    assert by_name(features, "summarise").inputs[0].id["index"] == ["ALL"]


def test_same_key_callbacks_both_kept_and_the_lost_one_marked(features: Snapshot) -> None:
    first, second = by_name(features, "reset_summary"), by_name(features, "reset_summary_again")
    assert first.output_key == second.output_key and "@" in first.output_key
    assert first.outputs[0].allow_duplicate
    assert first.dropped and not second.dropped
    assert not by_name(features, "summarise").dropped


def test_prevent_initial_call_as_written_and_effective(features: Snapshot) -> None:
    again = by_name(features, "reset_summary_again")
    assert again.prevent_initial_call == "initial_duplicate"
    assert not again.prevent_initial_call_effective
    # Dash(prevent_initial_callbacks=True) covers app.callback, not dash.callback.
    assert by_name(features, "summarise").prevent_initial_call is None
    assert not by_name(features, "summarise").prevent_initial_call_effective
    describe = by_name(features, "describe_city")
    assert describe.prevent_initial_call is None and describe.prevent_initial_call_effective


def test_wrapped_keyword_grouped_and_async_functions(features: Snapshot) -> None:
    describe = by_name(features, "describe_city")
    assert describe.wrappers == ("functools.lru_cache",)
    assert (describe.line, describe.def_line) == lines_of(FEATURES, "def describe_city")
    assert describe.arg_grouping == {"city": 0, "stored": 1}
    assert describe.multi_output and describe.states[0].allow_optional
    load = by_name(features, "load_city")
    assert load.is_async and load.arg_grouping == [1, 0]  # the State comes first
    assert [d.key for d in load.outputs] == ["store.data", "graph.figure"]


def test_no_output_and_background_callbacks(features: Snapshot) -> None:
    log = by_name(features, "log_click")
    assert log.no_output and not log.outputs and not log.multi_output
    warm, defaults = by_name(features, "warm_cache"), by_name(features, "load_defaults")
    assert warm.output_key != defaults.output_key  # keyed by call site, as without the probe
    assert not warm.dropped and not defaults.dropped
    job = by_name(features, "slow_job")
    assert job.background and job.background_manager == "DiskcacheManager"
    assert [d.key for d in job.progress] == ["progress.value", "progress.max"]
    assert [d.key for d in job.cancel] == ["cancel.n_clicks"]
    assert [d.key for d in job.running] == ["run.disabled", "cancel.disabled"]
    (app,) = features.apps
    assert app.background_manager == "DiskcacheManager"
    assert app.suppress_callback_exceptions and app.prevent_initial_callbacks is True


def test_clientside_callbacks(features: Snapshot) -> None:
    named = next(cb for cb in features.callbacks if cb.function == "clientside:charts.resize")
    assert named.kind == "clientside" and named.js_source is None
    assert (named.file, named.line) == ("app.py", line_starting(FEATURES, "clientside_callback("))
    assert named.source.startswith("clientside_callback(")
    inline = next(cb for cb in features.callbacks
                  if cb.kind == "clientside" and cb.js_source and not cb.internal)
    assert "return \"Clicked \" + n_clicks" in inline.js_source
    assert inline.app == "app:app"
    assert inline.line == line_starting(FEATURES, "app.clientside_callback(")
    assert inline.source.startswith("app.clientside_callback(")


def test_dash_adds_the_background_cancel_callback_at_setup(features: Snapshot) -> None:
    internal = [cb for cb in features.callbacks if cb.internal]
    assert [d.key for cb in internal for d in cb.inputs] == ["cancel.n_clicks"]
    assert features.apps[0].setup_error is None


def test_layout_function_walked(features: Snapshot) -> None:
    (layout,) = features.layouts
    assert layout.error is None and not layout.duplicate_ids
    types = {c.id: c.type for c in features.components}
    assert types["graph"] == "dash_core_components.Graph"
    assert "figure" in features.component_types["dash_core_components.Graph"]


def test_multipage_callbacks_and_page_layouts(multipage: Snapshot) -> None:
    user = [cb for cb in multipage.callbacks if not cb.internal]
    assert sorted(cb.function for cb in user) == [
        "app.remember_region", "pages.home.overview_total", "pages.report.save_report"]
    assert by_name(multipage, "save_report").file == "pages/report.py"
    assert {cb.kind for cb in multipage.callbacks if cb.internal} == {"server", "clientside"}
    layouts = {lay.name: lay for lay in multipage.layouts}
    assert layouts["pages.report"].path == "/report/<report_id>"
    assert layouts["pages.report"].duplicate_ids == ("report-status",)
    assert layouts["app"].file == "app.py" and layouts["pages.report"].file == "pages/report.py"
    assert layouts["pages.customer"].error  # needs customer_id: not called
    assert "pages._helpers" not in layouts
    region = [c for c in multipage.components if c.id == "region"]
    assert [c.layout for c in region] == ["pages.home"]
    assert multipage.apps[0].use_pages


def test_several_apps_named_and_served(multi_app: Snapshot) -> None:
    apps = {app.name: app for app in multi_app.apps}
    assert list(apps) == ["app:app", "app:APPS['admin']", "app:prototype"]
    assert apps["app:app"].primary
    assert apps["app:APPS['admin']"].served  # shares the primary's Flask server
    assert not apps["app:prototype"].served
    assert [cb.app for cb in multi_app.callbacks] == list(apps)
    assert multi_app.callbacks[0].function == "app.create_dashboard.<locals>.answer"
    assert not any(cb.dropped for cb in multi_app.callbacks)


def test_dashproxy_callbacks_registered_at_setup_survive_its_error() -> None:
    snapshot = snapshot_target(str(TARGETS / "dashproxy" / "app.py"))
    (app,) = snapshot.apps
    assert app.class_name == "dash_extensions.enrich.DashProxy"
    assert "DuplicateIdError" in app.setup_error
    assert [cb.function for cb in snapshot.callbacks if cb.kind == "server"] == ["app.greet"]
    assert any(cb.kind == "clientside" and cb.js_source for cb in snapshot.callbacks)


def test_odd_file_names_and_relative_paths(odd_names: tuple[Path, Snapshot]) -> None:
    root, snapshot = odd_names
    (show,) = snapshot.callbacks
    assert show.function == "sales-report v2.show_price" and show.file == "sales-report v2.py"
    assert (root / "startup.log").is_file()  # the import ran with the target dir as cwd
    assert snapshot.apps[0].name == "sales-report v2:app"


def test_module_target_with_factory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TARGETS / "package_app")
    snapshot = snapshot_target("shop.dashboard:create_app")
    (app,) = snapshot.apps
    assert app.name == "shop.dashboard:create_app()" and app.primary
    (stock,) = snapshot.callbacks
    assert stock.file == "shop/dashboard.py" and stock.app == app.name


def test_resolve_directory_and_module_targets(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_target(str(TARGETS / "multipage")).file.name == "app.py"
    monkeypatch.chdir(TARGETS / "package_app")
    resolved = resolve_target("shop.dashboard:make")
    assert (resolved.module, resolved.attr, resolved.file) == ("shop.dashboard", "make", None)


def test_file_colon_attr_names_the_primary_app() -> None:
    resolved = resolve_target(str(TARGETS / "multi_app" / "app.py") + ":prototype")
    assert (resolved.file.name, resolved.attr) == ("app.py", "prototype")
    snapshot = snapshot_target(str(TARGETS / "multi_app" / "app.py") + ":prototype")
    assert [app.name for app in snapshot.apps if app.primary] == ["app:prototype"]


def test_source_is_cut_whole_for_awkward_shapes() -> None:
    """Strings at column zero, trailing comments, nested and factory functions: the source
    ends where the function ends and parses on its own."""
    snapshot = snapshot_target(str(TARGETS / "source_shapes" / "app.py"))
    ends = {"ends_with_a_string": "END-STRING", "ends_with_a_comment": "END-COMMENT",
            "ends_with_a_nested_function": "END-NESTED", "inside_a_factory": "END-FACTORY"}
    by_name = {cb.name: cb for cb in snapshot.callbacks}
    for name, marker in ends.items():
        callback = by_name[name]
        assert parse_function(callback.source).name == name
        last_lines = callback.source.rstrip("\n").splitlines()[-3:]
        assert any(marker in line for line in last_lines), name
        assert "make_callback()" not in callback.source and "@app.callback" in callback.source
    factory = by_name["inside_a_factory"]
    assert factory.def_line == factory.line + 1


def test_the_envelope_encodes_the_same_with_or_without_orjson(monkeypatch) -> None:
    """The probe writes with orjson when the target's interpreter has it, else with json:
    both give the same data, and values neither knows are written as their repr."""
    import builtins
    import importlib.util
    import json

    probe_file = REPO / "analysis" / "probe" / "child.py"
    spec = importlib.util.spec_from_file_location("probe_under_test", probe_file)
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    envelope = {"ok": True, "snapshot": {"ids": [{"index": 3}, "a"], "odd": {1: object}}}
    with_orjson = json.loads(probe.encode(envelope))
    real_import = builtins.__import__

    def no_orjson(name, *args, **kwargs):
        if name == "orjson":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_orjson)
    without = json.loads(probe.encode(envelope))
    assert with_orjson == without == {
        "ok": True, "snapshot": {"ids": [{"index": 3}, "a"], "odd": {"1": repr(object)}},
    }
