"""The app factory: a Dash app over a project store, with every callback registered on it."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from dash import Dash

from analysis.source.python import ast_exclusive
from explorer.background import diskcache_manager
from explorer.callbacks import (compare, exports, graph, live, overview, panels, panes, projects,
                                present, selection, textexport, url, viewport)
from explorer.layout import page
from explorer.livefeed import LiveFeed
from explorer.projects import ProjectStore
from explorer.resources import ASSETS
from explorer.watch import ProjectWatcher

TITLE = "Dash Callback Explorer"
#: dash-cytoscape's bundle with dagre, klay, cose-bilkent and the SVG export: served but not
#: in the page ("dynamic"); assets/cytoscape_extras.js loads it when one of them is asked for.
EXTRA_BUNDLE = {"relative_package_path": "dash_cytoscape_extra.min.js",
                "namespace": "dash_cytoscape", "dynamic": True}


def default_cache_dir() -> Path:
    """Where background jobs and analysis results live unless told otherwise."""
    return Path(tempfile.gettempdir()) / "dash-callback-explorer"


def create_app(store: ProjectStore, *, cache_dir: str | Path | None = None,
               background_manager: Any = None, watcher: ProjectWatcher | None = None,
               live_feed: LiveFeed | None = None, analyse: bool = True,
               dash_options: dict[str, Any] | None = None) -> Dash:
    """A new explorer app showing ``store``'s projects.

    Background jobs (``Analyse again``) run through ``background_manager`` (the hosted mode
    passes a CeleryManager), by default a DiskcacheManager in ``cache_dir`` (default: a
    folder under the system's temp dir). ``watcher`` (``--watch``): started here, it
    re-analyses projects whose files change, and the page follows the new analyses.
    ``live_feed`` (``--live``): the running app whose calls the page overlays on its project.
    ``analyse``: offer "Analyse again". ``dash_options``: more arguments for ``Dash`` (the
    live plugin's explorer: its own Flask ``server`` and the path prefixes it is mounted at).
    """
    jobs = Path(cache_dir) if cache_dir else default_cache_dir()
    manager = background_manager or diskcache_manager(jobs)
    with ast_exclusive():  # werkzeug compiles each route from an AST (cpython#106905)
        app = Dash(
            __name__, title=TITLE, assets_folder=str(ASSETS),
            background_callback_manager=manager, suppress_callback_exceptions=False,
            **(dash_options or {}),
        )
    app.scripts.append_script(EXTRA_BUNDLE)
    app.layout = lambda: page(store, graph.first_drawing, follow=watcher is not None,
                              live=live_feed is not None, analyse=analyse)
    for module in (url, selection, graph, overview, projects, exports, compare,
                   textexport, present):
        module.register(app, store)
    panels.register(app, store, live_feed)
    live.register(app, store, live_feed)
    viewport.register(app)
    panes.register(app)
    if watcher is not None:
        watcher.start()
    return app
