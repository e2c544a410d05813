"""Callbacks that installed packages register: kept in the graph, not linted on their own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.lint import LintSettings, lint
from analysis.probe.runner import snapshot_target
from venvs import make_venv, purelib

LIBRARY = '''\
"""A component library that registers its own callback at import, as many Dash add-ons do."""
from dash import Input, Output, State, callback, html


def toggle_panel(panel_id):
    return html.Div([html.Button("toggle", id=f"{panel_id}-btn"), html.Div(id=panel_id)])


@callback(Output("fancy-panel", "hidden"), Input("fancy-panel-btn", "n_clicks"),
          State("fancy-panel", "hidden"))
def _toggle(n, hidden):
    if n:  # falls off the end otherwise: DASH020, but not the project's to fix
        return not hidden
'''

APP = '''\
from dash import Dash, Input, Output, callback, html
import fancylib

app = Dash(__name__)
app.layout = html.Div([fancylib.toggle_panel("fancy-panel"), html.Button(id="go")])


@callback(Output("fancy-panel", "hidden"), Input("go", "n_clicks"), prevent_initial_call=True)
def hide(n):
    return True
'''


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A virtualenv over this interpreter's packages, with the library installed in it."""
    python = make_venv(tmp_path_factory.mktemp("venv") / "env")
    (purelib(python) / "fancylib").mkdir()
    (purelib(python) / "fancylib" / "__init__.py").write_text(LIBRARY)
    return python


def test_library_callbacks_are_marked_and_only_findings_about_the_project_remain(venv, tmp_path):
    app = tmp_path / "app.py"
    app.write_text(APP)
    snapshot = snapshot_target(str(app), python=str(venv))
    library = {cb.function: cb.library for cb in snapshot.callbacks if not cb.internal}
    assert library == {"fancylib._toggle": True, "app.hide": False}
    assert any("installed packages" in note for note in snapshot.notes)
    codes = {(f.code, f.functions) for f in lint(snapshot, LintSettings(select=("ALL",)))}
    # the library alone returns None (DASH020): not reported; the app and the library both
    # writing fancy-panel.hidden (DASH001): the project's to fix, reported.
    assert codes == {("DASH001", ("fancylib._toggle", "app.hide"))}


def test_an_installed_target_package_is_the_project_not_a_library(venv, tmp_path):
    package = purelib(venv) / "shopapp"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / "app.py").write_text(APP.replace("import fancylib\n", "").replace(
        "fancylib.toggle_panel(\"fancy-panel\"), ", ""))
    try:
        snapshot = snapshot_target("shopapp.app", python=str(venv))
    finally:
        shutil.rmtree(package)
    (hide,) = [cb for cb in snapshot.callbacks if not cb.internal]
    assert hide.function == "shopapp.app.hide" and not hide.library
