"""``module:attr`` narrows the snapshot to the app it names: that app's callbacks, layouts
and components, plus the global (``dash.callback``) ones it serves; other Dash apps created
in the same process are left out, with a note."""

from __future__ import annotations

from pathlib import Path

from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from paths import TARGETS

MULTI_APP = TARGETS / "multi_app" / "app.py"


def probe(target: Path, attr: str) -> Snapshot:
    return snapshot_target(f"{target}:{attr}")


def test_naming_an_app_leaves_the_other_apps_out() -> None:
    snapshot = probe(MULTI_APP, "prototype")
    assert [(app.name, app.primary) for app in snapshot.apps] == [("app:prototype", True)]
    assert [cb.function for cb in snapshot.callbacks] == ["app.show_zoom"]
    assert [cb.index for cb in snapshot.callbacks] == [0]
    assert [layout.app for layout in snapshot.layouts] == ["app:prototype"]
    assert {c.id for c in snapshot.components} == {"zoom", "zoom-level"}
    assert any("2 callback(s) of 2 other Dash app(s)" in note for note in snapshot.notes)


def test_naming_the_server_keeps_every_app_it_serves() -> None:
    snapshot = probe(MULTI_APP, "server")
    assert [app.name for app in snapshot.apps] == ["app:app", "app:APPS['admin']"]
    assert [cb.app for cb in snapshot.callbacks] == ["app:app", "app:APPS['admin']"]


def test_global_callbacks_stay_with_the_named_app() -> None:
    snapshot = probe(TARGETS / "single_file" / "app.py", "app")
    assert [cb.function for cb in snapshot.callbacks] == ["app.update_total", "app.apply_coupon"]
    assert [cb.app for cb in snapshot.callbacks] == [None, "app:app"]
    assert not snapshot.notes  # nothing left out


def test_a_left_out_app_sharing_the_server_keeps_its_setup_error_to_itself(
        tmp_path: Path) -> None:
    target = tmp_path / "two_apps.py"
    target.write_text(
        "from dash import Dash, html\n"
        "from flask import Flask\n\n"
        "server = Flask(__name__)\n"
        "broken = Dash('broken', server=server, url_base_pathname='/broken/')\n"
        "broken.layout = html.Div([html.Div(id='twice'), html.Div(id='twice')])\n"
        "good = Dash('good', server=server, url_base_pathname='/good/')\n"
        "good.layout = html.Div(id='fine')\n"
    )
    snapshot = probe(target, "good")
    (app,) = snapshot.apps
    assert app.name == "two_apps:good" and app.setup_error is None


def test_callbacks_registered_while_a_layout_renders_are_kept(tmp_path: Path) -> None:
    # dash-spa's shape (dash-flightdeck): a page's layout function registers its components'
    # callbacks when it runs, some again under a key the import already registered. Dash
    # serves them (its setup renders the layout first); narrowing must not lose them.
    target = tmp_path / "factory.py"
    target.write_text(
        "import dash\n"
        "from dash import Dash, Input, Output, html\n\n"
        "def menu(name):\n"
        "    @dash.callback(Output(f'{name}-box', 'className'), Input(f'{name}-btn', 'n_clicks'))\n"
        "    def show(n):\n"
        "        return 'open' if n else ''\n"
        "    return html.Div([html.Button(id=f'{name}-btn'), html.Div(id=f'{name}-box')])\n\n"
        "top = menu('top')\n\n"
        "def layout():\n"
        "    menu('top')  # registered again, as dash-spa's components do on each render\n"
        "    return html.Div([top, menu('row')])\n\n"
        "def create_app():\n"
        "    app = Dash(__name__)\n"
        "    app.layout = layout\n"
        "    return app\n"
    )
    snapshot = probe(target, "create_app")
    served = [cb.output_key for cb in snapshot.callbacks if not cb.dropped]
    assert sorted(served) == ["row-box.className", "top-box.className"]
