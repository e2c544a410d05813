"""The live plugin: records each ``/_dash-update-component`` request of one Dash app and serves them."""

from __future__ import annotations

import json
import re
import threading
import time
from typing import Any

import flask

from analysis.runtime.model import ERROR, PREVENTED, UPDATED
from explorer.live.calls import CallLog
from explorer.live.mount import EMBEDDED, mount

#: Where a server keeps its plugin (``server.extensions``): state lives on the app, never here.
EXTENSION = "dash_callback_explorer_live"
UPDATE = "/_dash-update-component"
_STATE = "_dce_live"  # flask.g: (perf_counter at arrival, epoch seconds at arrival)
_FAILURE = "_dce_live_error"  # flask.g: the exception Flask reported for this request
_DEBUGGER_TITLE = re.compile(rb"<title>(.*?) // Werkzeug Debugger</title>", re.DOTALL)


class LiveError(Exception):
    """The plugin cannot be used as asked (a non-Flask backend, a bad option)."""


class LivePlugin:
    """``Dash(plugins=[LivePlugin()])``: one instance per app; ``plug`` wires it in."""

    def __init__(self, capacity: int = 5000, prefix: str = "_dce/live",
                 chain_window: float = 2.0) -> None:
        if capacity < 1:
            raise LiveError(f"capacity must be at least 1 (records kept), not {capacity}")
        if not re.fullmatch(r"[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-]+)*", prefix.strip("/")):
            raise LiveError(f"prefix {prefix!r} is not a URL path such as '_dce/live'")
        self.capacity = capacity
        self.prefix = prefix.strip("/")
        self.chain_window = chain_window
        self.app: Any = None
        self.calls: CallLog | None = None
        self._built: tuple[Any, list] | None = None  # (snapshot, findings), built once
        self._build_lock = threading.Lock()

    def plug(self, app: Any) -> None:
        """Called by Dash's constructor: hook the app's Flask server and add the routes."""
        server = app.server
        if not isinstance(server, flask.Flask):
            raise LiveError("the live plugin records through Flask: create the app with "
                            "Dash's default Flask backend (not Quart or FastAPI)")
        # enabled twice (plugins=[...] and the env var), or the plugin's own explorer app
        if EXTENSION in server.extensions or EMBEDDED in server.extensions:
            return
        self.app = app
        self.calls = CallLog(str(app.config.get("name") or "app"), self.capacity,
                             self.chain_window)
        server.extensions[EXTENSION] = self
        server.before_request(self._before)
        server.after_request(self._after)
        server.teardown_request(self._teardown)
        flask.got_request_exception.connect(self._failed, server, weak=False)
        from explorer.live import devtool, routes  # here: the page imports the linter

        routes.add(self, server, app.config.routes_pathname_prefix)
        mount(server, f"{app.config.routes_pathname_prefix}{self.prefix}/explorer",
                    self._build_explorer)
        devtool.register(EXTENSION)

    def url(self, name: str = "") -> str:
        """The browser's URL of one of the plugin's routes (``calls``, ``snapshot``, ``""``)."""
        return f"{self.app.config.requests_pathname_prefix}{self.prefix}/{name}"

    def built(self) -> tuple[Any, list]:
        """The live snapshot and its findings, built on first use (the registrations are
        complete once the server is set up, which the first request does)."""
        with self._build_lock:
            if self._built is None:
                from explorer.live.snapshot import findings_of, live_snapshot

                snapshot = live_snapshot(self.app)
                self._built = (snapshot, findings_of(snapshot))
            return self._built

    def _build_explorer(self) -> Any:
        from explorer.live import embed  # the explorer's imports: only once someone opens it

        return embed.build(self)

    # Flask hooks: the cheap test first, everything else only for callback requests.
    def _before(self) -> None:
        if flask.request.path.endswith(UPDATE):
            setattr(flask.g, _STATE, (time.perf_counter(), time.time()))

    def _failed(self, _sender: Any, exception: BaseException, **_: Any) -> None:
        if flask.has_request_context():
            setattr(flask.g, _FAILURE, exception)

    def _after(self, response: flask.Response) -> flask.Response:
        state = flask.g.pop(_STATE, None)
        if state is not None:
            self._record(state, response.status_code, response)
        return response

    def _teardown(self, exception: BaseException | None) -> None:
        state = flask.g.pop(_STATE, None)
        if state is not None:  # the exception propagated past after_request (debug, testing)
            setattr(flask.g, _FAILURE, exception)
            self._record(state, 500, None)

    def _record(self, state: tuple[float, float], status: int,
                response: flask.Response | None) -> None:
        began, started_at = state
        body = flask.request.get_json(silent=True)  # Dash parsed it already: Flask's cache
        body = body if isinstance(body, dict) else {}
        outcome = PREVENTED if status == 204 else ERROR if status >= 400 else UPDATED
        data = response.get_data() if response is not None and not response.is_streamed else b""
        triggered = [str(p) for p in body.get("changedPropIds") or ()]
        self.calls.add(
            output=str(body.get("output", "")),
            triggered=triggered,
            inputs=set(_prop_ids(body.get("inputs"))) if triggered else set(),
            produced=_produced(body, data) if outcome == UPDATED else [],
            started_at=started_at, began=began,
            request_bytes=flask.request.content_length or 0,
            response_bytes=len(data),
            outcome=outcome, status=status,
            error=_error_line(data) if outcome == ERROR else None,
            poll=bool(flask.request.args.get("cacheKey")),  # a background job's poll
        )


def _id_text(component_id: Any) -> str:
    """A component id as the renderer writes it in ``changedPropIds``."""
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return str(component_id)


def _prop_ids(items: Any) -> list[str]:
    """``id.prop`` of each dependency in a request's ``inputs``/``outputs`` (lists nest for ALL)."""
    if isinstance(items, dict):
        items = [items]
    found = []
    for item in items or ():
        if isinstance(item, list):
            found += _prop_ids(item)
        elif isinstance(item, dict) and "id" in item:
            found.append(f"{_id_text(item['id'])}.{str(item.get('property', '')).split('@')[0]}")
    return found


def _produced(body: dict, data: bytes) -> list[str]:
    """The props a request changed: its outputs, plus any ``set_props`` side updates."""
    produced = _prop_ids(body.get("outputs"))
    if b'"sideUpdate"' in data:  # rare: parse the response only then
        side = json.loads(data).get("sideUpdate") or {}
        produced += [f"{component}.{prop}" for component, props in side.items()
                     for prop in (props if isinstance(props, dict) else ())]
    return produced


def _error_line(data: bytes) -> str:
    """One line naming the failure: the exception Flask saw, else what the body says."""
    exception = getattr(flask.g, _FAILURE, None)
    if exception is not None:
        text = f"{type(exception).__name__}: {exception}"
    else:
        title = _DEBUGGER_TITLE.search(data[:4096])  # Dash's debug-mode traceback page
        raw = title.group(1) if title else data.strip().split(b"\n", 1)[0]
        text = raw.decode("utf-8", "replace") or "HTTP error"
    return " ".join(text.split())[:300]
