"""The hosted explorer: settings from the environment, the app built over them, warmed up.

``gunicorn app:server`` with ``DCE_CONFIG=projects.toml`` serves it; ``build_hosted_app`` is
what app.py (and the Celery worker) call. Environment variables:

- ``DCE_CONFIG``: the projects TOML file (see explorer/hosted/projects_file.py); unset, the demo project.
- ``DCE_DATA_DIR``: snapshot history, analysis results and background jobs; shared by all
  workers (default ``$XDG_DATA_HOME/dash-callback-explorer``, else ``~/.local/share/...``).
- ``DCE_API_TOKEN``: bearer token of the snapshot API (the API answers 401 without it).
- ``DCE_BASIC_AUTH``: ``user:password`` to require HTTP basic auth on the whole app.
- ``DCE_REDIS_URL``: run background analyses on Celery workers through Redis.
- ``DCE_MAX_UPLOAD_MB`` (default 20), ``DCE_HISTORY_KEEP`` (default 50 per project).
"""

from __future__ import annotations

import asyncio
import base64
import functools
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Awaitable, Callable, Mapping

import dash_bootstrap_components as dbc
from dash import Dash, dcc, html
from flask import Flask, Response

from analysis.errors import ConfigError
from analysis.source.python import ast_exclusive
from explorer.hosted.api import snapshot_api
from explorer.hosted.auth import parse_credentials, require_basic_auth
from explorer.hosted.security import add_security_headers
from explorer.background import ResilientCeleryManager, background_manager
from explorer.hosted.projects_file import load_projects
from explorer.hosted.projects import HostedProjectStore
from explorer.projects import Project
from explorer.resources import DEMO
from explorer.callbacks import uploads
from explorer.hosted.history import DEFAULT_KEEP, DEFAULT_MAX_BYTES, SnapshotHistory

CONFIG_VARIABLE = "DCE_CONFIG"
DEMO_TARGET = DEMO
HEALTH_PATH = "/healthz"  # liveness: the process answers (during warm-up too)
READY_PATH = "/readyz"  # readiness: 503 until the stored snapshots are warmed up
FOLLOW_EVERY = 0.5  # seconds between two looks at the history (a stat per project)
LOG = logging.getLogger(__name__)


def default_data_dir(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "dash-callback-explorer"


@dataclass(frozen=True)
class HostedSettings:
    """Everything the hosted app reads from its environment."""

    config: Path | None
    data_dir: Path
    api_token: str | None = None
    basic_auth: tuple[str, str] | None = None
    redis_url: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_BYTES
    history_keep: int = DEFAULT_KEEP

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "HostedSettings":
        """Read and check the DCE_* variables; ConfigError names the variable and the fix."""
        env = os.environ if env is None else env
        config = env.get(CONFIG_VARIABLE)
        try:
            basic_auth = parse_credentials(env.get("DCE_BASIC_AUTH"))
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        return cls(
            config=Path(config) if config else None,
            data_dir=Path(env.get("DCE_DATA_DIR") or default_data_dir(env)),
            api_token=env.get("DCE_API_TOKEN") or None,
            basic_auth=basic_auth,
            redis_url=env.get("DCE_REDIS_URL") or None,
            max_upload_bytes=int(_positive(env, "DCE_MAX_UPLOAD_MB", 20) * 1024 * 1024),
            history_keep=int(_positive(env, "DCE_HISTORY_KEEP", DEFAULT_KEEP)),
        )


def _positive(env: Mapping[str, str], name: str, default: float) -> float:
    text = env.get(name)
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1
    if value <= 0:
        raise ConfigError(f"{name}={text!r} is not a positive number")
    return value


def build_store(settings: HostedSettings) -> HostedProjectStore:
    """The configured projects over the shared snapshot history (no probe runs here)."""
    history = SnapshotHistory(settings.data_dir / "history", keep=settings.history_keep,
                              max_bytes=settings.max_upload_bytes)
    history.sweep()  # what a writer killed mid-write left
    projects = (load_projects(settings.config) if settings.config
                else [Project("demo", target=str(DEMO_TARGET), env=())])
    return HostedProjectStore(projects, history,
                              results_dir=settings.data_dir / "results")


def build_hosted_app(settings: HostedSettings | None = None, *, celery: Any = None,
                     warm: bool = True) -> Dash:
    """The explorer over the configured projects, with the API, auth and a health route.

    ``celery``: the Celery app to run background jobs on (the worker passes its own);
    by default one is made when DCE_REDIS_URL is set.
    """
    from explorer.app import create_app

    settings = settings or HostedSettings.from_env()
    store = build_store(settings)
    manager = (ResilientCeleryManager(celery) if celery is not None
               else background_manager(settings.data_dir, settings.redis_url))
    app = create_app(store, cache_dir=settings.data_dir, background_manager=manager)
    with_upload_bar(app)
    uploads.register(app, store)
    warmed = threading.Event()
    with ast_exclusive():  # werkzeug compiles each route from an AST (cpython#106905)
        app.server.register_blueprint(
            snapshot_api(store.history, store.names, settings.api_token, side=store.side))
        run_coroutines_in_request_thread(app.server)
        app.server.add_url_rule(HEALTH_PATH, "healthz",
                                lambda: Response("ok\n", mimetype="text/plain"))
        app.server.add_url_rule(READY_PATH, "readyz", lambda: readiness(warmed))
    # Every route, Dash's included: a page upload arrives base64-encoded inside a callback
    # request, 4/3 of the file plus the request's own JSON.
    app.server.config["MAX_CONTENT_LENGTH"] = request_limit(settings.max_upload_bytes)
    add_security_headers(app)
    if settings.basic_auth:
        require_basic_auth(app.server, *settings.basic_auth)
    if warm:  # last: Flask refuses new routes and hooks once it has served a request
        warm_up(app.server, settings.basic_auth)
        threading.Thread(target=warm_in_background, args=(store, warmed), daemon=True,
                         name="dce-warm-up").start()
    else:
        warmed.set()
    return app


def readiness(warmed: threading.Event) -> Response:
    """200 once the stored snapshots are warmed up, 503 before: a load balancer sends users
    only to a ready process, while ``/healthz`` (liveness) answers throughout."""
    if warmed.is_set():
        return Response("ready\n", mimetype="text/plain")
    return Response("warming up\n", status=503, mimetype="text/plain")


def warm_in_background(store: HostedProjectStore, warmed: threading.Event,
                       follow_every: float | None = FOLLOW_EVERY) -> None:
    """``warm_projects`` off the request threads, then ready. A failure is logged and the
    process is still ready: each page then shows its project's own error. Then, every
    ``follow_every`` seconds (None: never), ``follow_history``."""
    try:
        warm_projects(store)
    except Exception:  # noqa: BLE001 - warm-up is an optimisation, never a reason to stop
        LOG.exception("warming up the stored snapshots failed")
    finally:
        warmed.set()
    while follow_every is not None:
        time.sleep(follow_every)
        follow_history(store)


def follow_history(store: HostedProjectStore) -> None:
    """Load what other processes stored (``HostedProjectStore.follow``): the other worker
    reads and lays out a 20 MB upload while the one that took it analyses it, on the
    other core, instead of after, in the first page's request."""
    for name in store.names():
        try:
            store.follow(name)
        except Exception:  # noqa: BLE001 - the page request meets (and shows) the same error
            LOG.exception("following the history of project %s failed", name)


def request_limit(max_upload_bytes: int) -> int:
    """The largest request body any route accepts: a snapshot upload's, base64-encoded.

    >>> request_limit(3 * 1024 * 1024)
    5242880
    """
    return max_upload_bytes * 4 // 3 + 1024 * 1024


def run_coroutines_in_request_thread(server: Flask) -> None:
    """Run async views (with dash[async], every callback request) on an event loop of the
    request's own thread, kept for the thread's next requests.

    Flask's default (asgiref's async_to_sync) starts a new thread for each request to host
    the loop: ~2 ms and a thread's churn per callback, which was most of a small callback's
    cost under load; ``asyncio.run`` per request still built and tore down a loop each time.
    ``async_to_sync`` is Flask's documented hook for this. A worker thread serves one request
    at a time, so its loop is never shared.
    """
    loops = threading.local()

    def async_to_sync(func: Callable[..., Awaitable[Any]]) -> Callable[..., Any]:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            loop = getattr(loops, "loop", None)
            if loop is None or loop.is_closed():
                loop = loops.loop = asyncio.new_event_loop()
            try:
                return loop.run_until_complete(func(*args, **kwargs))
            finally:
                _cancel_leftovers(loop)

        return run

    server.async_to_sync = async_to_sync


def _cancel_leftovers(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel tasks a request left running, as ``asyncio.run`` does when it ends: nothing of
    one request may run on into the next (another user's) on the same thread."""
    tasks = asyncio.all_tasks(loop)
    if not tasks:
        return
    for task in tasks:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))


def with_upload_bar(app: Dash) -> None:
    """Put the upload control under the page's header."""
    make_page = app.layout

    def page_with_uploads() -> html.Div:
        page = make_page()
        children = list(page.children)
        where = upload_bar_position(children)
        page.children = children[:where] + [uploads.upload_bar()] + children[where:]
        return page

    app.layout = page_with_uploads


#: Page children that draw nothing: the upload bar goes after them, never among the visible.
INVISIBLE = (dcc.Store, dcc.Location, dcc.Download)


def upload_bar_position(children: list) -> int:
    """Where the upload bar goes among the page's top-level children: just after the
    navbar, or (a page without one) before the first child that draws something. The
    status line it once looked for lives inside the graph panel, so that search fell back
    to the top of the page, above the navbar.

    >>> upload_bar_position([dcc.Store(id="s"), dbc.Navbar(), html.Div()])
    2
    >>> upload_bar_position([dcc.Store(id="s"), html.Div()])
    1
    """
    navbars = [i for i, child in enumerate(children) if isinstance(child, dbc.Navbar)]
    if navbars:
        return navbars[0] + 1
    return next((i for i, child in enumerate(children) if not isinstance(child, INVISIBLE)),
                len(children))


def warm_projects(store: HostedProjectStore) -> None:
    """Lay out each project's newest stored snapshot now, so the first page load only draws;
    its findings are read from the stored result (linted only when there is none for this
    linter and these settings, and then stored). Projects with no stored snapshot are probed
    on first use instead: a probe at start-up would run once per worker and hold up its
    boot."""
    for name in store.names():
        if store.history.newest(name) is not None:
            services = store.services(name)
            if services is not None:
                services.warm()


def warm_up(server: Flask, credentials: tuple[str, str] | None = None) -> None:
    """Serve the first requests in this process before any real client can.

    Dash's ``_setup_server`` marks itself done before it merges the global callbacks, so
    simultaneous first requests can find no callbacks; one request here does the setup.
    gunicorn.conf.py calls this in each worker too, whatever app it serves.
    """
    client = server.test_client()
    headers = {}
    if credentials:
        token = base64.b64encode(":".join(credentials).encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    for path in ("/", "/_dash-layout", "/_dash-dependencies"):
        response = client.get(path, headers=headers)
        if response.status_code != 200:
            raise ConfigError(f"the explorer failed to start: GET {path} answered "
                              f"{response.status_code}", details=response.get_data(as_text=True))
