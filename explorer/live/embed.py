"""The explorer of the live app, built in the app's own process over its live snapshot and call log."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import flask

from analysis.settings import LintSettings
from explorer.live.snapshot import settings_of
from analysis.snapshot import Snapshot
from explorer.live.mount import EMBEDDED, ExplorerUnavailable, missing_packages, unavailable_line
from explorer.projects import Project


@dataclass(frozen=True)
class LiveProject(Project):
    """The running app as the explorer's one project: its snapshot is the plugin's, linted
    with the project's settings as the plugin's page and dev-tools count are."""

    source: Callable[[], Snapshot] | None = None

    def analyse(self) -> Snapshot:
        return self.source()

    def settings(self) -> LintSettings:
        return settings_of(self.source())


def build(plugin: Any) -> Any:
    """The explorer's Dash app for ``plugin``'s app, mounted at ``plugin.url("explorer/")``:
    its Flask server is what the mount calls. ExplorerUnavailable when a package is missing."""
    missing = missing_packages()
    if missing:
        raise ExplorerUnavailable(unavailable_line(missing, plugin.url("")))
    from dash import _callback
    from dash.development.base_component import ComponentRegistry

    libraries = set(ComponentRegistry.registry)
    from explorer.app import create_app
    from explorer.livefeed import LiveFeed
    from explorer.projects import ProjectStore

    app = plugin.app
    set_up(app, app.config.routes_pathname_prefix)  # the app first: the globals are its own
    name = project_name(app)
    folder = tempfile.mkdtemp(prefix="dce-live-explorer-")
    store = ProjectStore([LiveProject(name=name, source=lambda: plugin.built()[0])], folder)
    feed = LiveFeed(url=f"this app ({app.config.requests_pathname_prefix})", project=name,
                    thresholds=settings_of(plugin.built()[0]).thresholds, reader=plugin.calls.log)
    server = flask.Flask(__name__)
    server.extensions[EMBEDDED] = True
    with dash_globals_kept():
        explorer = create_app(store, cache_dir=folder, live_feed=feed, analyse=False,
                              dash_options={"server": server, "routes_pathname_prefix": "/",
                                            "requests_pathname_prefix": plugin.url("explorer/")})
        # the explorer's own setup, with `dash.callback`'s pending callbacks out of reach:
        # they belong to the process's other apps, never to this one
        held = list(_callback.GLOBAL_CALLBACK_LIST), dict(_callback.GLOBAL_CALLBACK_MAP)
        _callback.GLOBAL_CALLBACK_LIST.clear()
        _callback.GLOBAL_CALLBACK_MAP.clear()
        try:
            set_up(explorer, "/")
        finally:
            _callback.GLOBAL_CALLBACK_LIST[:0] = held[0]
            _callback.GLOBAL_CALLBACK_MAP.update(held[1])
    keep_own_libraries(app, set(ComponentRegistry.registry) - libraries)
    weakref.finalize(explorer, shutil.rmtree, folder, True)
    return explorer.server


def set_up(app: Any, path: str) -> None:
    """Dash's server setup of ``app`` as its first request runs it (it merges the process's
    ``dash.callback`` callbacks into the app, and marks itself done)."""
    with app.server.test_request_context(path):
        app._setup_server()


def keep_own_libraries(app: Any, ours: set[str]) -> None:
    """The app's pages keep loading only their own component libraries: Dash puts the
    bundles of every library imported in the process into every app's page, and importing
    the explorer imported ``ours`` (dash-cytoscape, dash-bootstrap-components) for it alone."""
    if not ours:  # the app uses them too, or they were there before
        return
    from dash.development.base_component import ComponentRegistry

    def libraries() -> list[str]:  # read per page: a library the app imports later counts
        return [name for name in ComponentRegistry.registry if name not in ours]

    scripts, css = app.scripts, app.css
    scripts.get_all_scripts = lambda dev_bundles=False: scripts.get_library_scripts(
        libraries(), dev_bundles)
    css.get_all_css = lambda: css.get_library_css(libraries())


@contextmanager
def dash_globals_kept() -> Iterator[None]:
    """Dash's process-wide "current app" state as it was: creating a Dash app makes it the
    one ``dash.get_app()``, ``dash.get_relative_path`` and the pages read, and the user's app
    must stay that one."""
    from dash import _get_app, _get_paths, _pages

    kept = _get_app.APP, _get_paths.CONFIG, _pages.CONFIG
    try:
        yield
    finally:
        _get_app.APP, _get_paths.CONFIG, _pages.CONFIG = kept


def project_name(app: Any) -> str:
    """The picker's name of the live app: its Dash name, or its file's for ``__main__``."""
    name = str(app.config.get("name") or "app")
    if name == "__main__":
        main = getattr(sys.modules.get("__main__"), "__file__", None)
        name = os.path.splitext(os.path.basename(main))[0] if main else "app"
    return name
