"""The live explorer's mount: a WSGI layer on the app's server that sends one path to the explorer."""

from __future__ import annotations

import contextvars
import importlib.util
import logging
import threading
from typing import Any, Callable, Iterable

log = logging.getLogger(__name__)

#: What the explorer imports beyond Dash (module, pip name): the package's own dependencies,
#: which an app's environment may lack (the plugin alone needs only Dash).
NEEDS = (("dash_cytoscape", "dash-cytoscape"), ("dash_bootstrap_components",
         "dash-bootstrap-components"), ("diskcache", "diskcache"), ("networkx", "networkx"),
         ("asgiref", "asgiref"))

#: ``server.extensions`` key marking the explorer's own Flask server (explorer/live/embed.py):
#: the live plugin, whose env-var ``setup`` hook Dash runs for every app of the process,
#: leaves that app alone.
EMBEDDED = "dash_callback_explorer_embedded"

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


class ExplorerUnavailable(Exception):
    """The explorer cannot be served in this app's process; the message is the one line the
    route answers (what is missing, what to install)."""


def missing_packages() -> list[str]:
    """The pip names of the explorer's dependencies this environment lacks."""
    return [pip for module, pip in NEEDS if importlib.util.find_spec(module) is None]


def unavailable_line(missing: list[str], page_url: str) -> str:
    """What the route answers when the explorer cannot run here (one line)."""
    names = " ".join(missing)
    return (f"the live explorer needs {', '.join(missing)} in this app's environment (what "
            f"pip install dash-callback-explorer brings): pip install {names}; the findings "
            f"page at {page_url} works without it")


class ExplorerMount:
    """``server.wsgi_app`` wrapped: a request under ``path`` goes to the explorer (a WSGI app
    built by ``build`` on the first such request, then kept), with the path moved to
    ``SCRIPT_NAME`` as werkzeug's ``DispatcherMiddleware`` does; every other request goes to
    the app untouched, after one ``str.startswith``."""

    def __init__(self, app: WSGIApp, path: str, build: Callable[[], WSGIApp]) -> None:
        self.app = app
        self.path = "/" + path.strip("/")
        self._build = build
        self._explorer: WSGIApp | None = None
        self._lock = threading.Lock()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if not path.startswith(self.path) or path[len(self.path):][:1] not in ("", "/"):
            return self.app(environ, start_response)
        if path == self.path:  # the explorer's page is the folder; a relative Location, since
            # a proxy may serve the app below a prefix this server never sees
            return _answer(start_response, "308 Permanent Redirect", "",
                           [("Location", self.path.rsplit("/", 1)[1] + "/")])
        try:
            explorer = self.explorer()
        except ExplorerUnavailable as exc:
            return _answer(start_response, "501 Not Implemented", str(exc))
        except Exception as exc:  # noqa: BLE001 - the app keeps serving; the next visit retries
            log.exception("the live explorer failed to start")
            return _answer(start_response, "500 Internal Server Error",
                           f"the live explorer failed to start: {type(exc).__name__}: {exc}")
        inner = dict(environ, SCRIPT_NAME=environ.get("SCRIPT_NAME", "") + self.path,
                     PATH_INFO=path[len(self.path):])
        # In a context of its own: Dash's views set `dash.get_app()`'s context variable and
        # leave it set in the thread, whose next request may be the app's (gthread pools).
        return contextvars.copy_context().run(explorer, inner, start_response)

    def explorer(self) -> WSGIApp:
        """The explorer, built once (concurrent first visits wait for the one build)."""
        with self._lock:
            if self._explorer is None:
                self._explorer = self._build()
            return self._explorer


def _answer(start_response: Callable, status: str, text: str,
            headers: list[tuple[str, str]] = ()) -> list[bytes]:
    body = (text + "\n").encode() if text else b""
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(body))), *headers])
    return [body]


def mount(server: Any, path: str, build: Callable[[], WSGIApp]) -> ExplorerMount:
    """Wrap ``server.wsgi_app`` (what ``server(environ, ...)``, ``app.run`` and gunicorn's
    ``server = app.server`` all call) so that ``path`` serves the explorer."""
    server.wsgi_app = ExplorerMount(server.wsgi_app, path, build)
    return server.wsgi_app
