"""Optional HTTP basic auth over the whole app (pages, assets, callbacks), when configured."""

from __future__ import annotations

import base64
import binascii
import hmac
import threading
import time
from collections import OrderedDict, deque

from flask import Flask, Response, request

#: Flask endpoints that authenticate otherwise (the API blueprint's bearer token) or must
#: answer a load balancer's probe without credentials. Matched on the route Flask resolved,
#: never on a path prefix: ``/healthzX`` or a bare ``/api/`` reach Dash's catch-all page
#: route, which serves the index (project names) and must stay behind the password.
DEFAULT_EXEMPT = ("healthz", "readyz", "snapshot_api.*")


def parse_credentials(value: str | None) -> tuple[str, str] | None:
    """``"user:password"`` (the DCE_BASIC_AUTH variable) as a pair; None when empty.

    >>> parse_credentials("team:s3cret:with-colon")
    ('team', 's3cret:with-colon')
    >>> parse_credentials("") is None
    True
    """
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError("DCE_BASIC_AUTH must be 'user:password' with both parts non-empty")
    return user, password


def is_exempt(endpoint: str | None, exempt: tuple[str, ...]) -> bool:
    """True when Flask routed the request to an exempt endpoint.

    >>> is_exempt("snapshot_api.upload_snapshot", DEFAULT_EXEMPT), is_exempt("healthz", DEFAULT_EXEMPT)
    (True, True)
    >>> is_exempt("/<path:path>", DEFAULT_EXEMPT), is_exempt(None, DEFAULT_EXEMPT)
    (False, False)
    """
    if not endpoint:
        return False
    blueprint = endpoint.partition(".")[0] + ".*" if "." in endpoint else None
    return endpoint in exempt or blueprint in exempt


class FailedLogins:
    """Failed attempts per client address in a sliding window: past ``limit`` the client
    waits (HTTP 429) until its oldest failure leaves the window. Bounded: the least recently
    failing addresses are forgotten first."""

    def __init__(self, limit: int = 10, window: float = 60.0, addresses: int = 10_000) -> None:
        self.limit, self.window, self.addresses = limit, window, addresses
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()  # gthread workers serve requests on several threads

    def wait(self, address: str, now: float | None = None) -> float:
        """Seconds this address must wait before trying again (0: it may try now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._recent(address, now)
            return self.window - (now - times[0]) if len(times) >= self.limit else 0.0

    def record(self, address: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._recent(address, now).append(now)
            self._failures.move_to_end(address)
            while len(self._failures) > self.addresses:
                self._failures.popitem(last=False)

    def _recent(self, address: str, now: float) -> deque[float]:
        times = self._failures.setdefault(address, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        return times


def require_basic_auth(server: Flask, user: str, password: str,
                       exempt: tuple[str, ...] = DEFAULT_EXEMPT,
                       failures: FailedLogins | None = None) -> None:
    """Every request except those routed to an ``exempt`` endpoint (``"name"``, or
    ``"blueprint.*"`` for all of a blueprint's) needs these credentials (else 401); a client
    with too many wrong ones in a row waits (429)."""
    expected = f"{user}:{password}".encode()
    failures = failures or FailedLogins()

    @server.before_request
    def check_basic_auth() -> Response | None:
        if is_exempt(request.endpoint, exempt):
            return None
        address = request.remote_addr or ""
        wait = failures.wait(address)
        if wait > 0:
            return Response("Too many failed logins; try again later.\n", status=429,
                            mimetype="text/plain", headers={"Retry-After": str(int(wait) + 1)})
        scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "basic":
            try:
                given = base64.b64decode(encoded.strip(), validate=True)
            except (binascii.Error, ValueError):
                given = b""
            if hmac.compare_digest(given, expected):
                return None
            failures.record(address)  # a wrong password; a missing one is a browser's first ask
        return Response("Authentication required.\n", status=401, mimetype="text/plain",
                        headers={"WWW-Authenticate": 'Basic realm="Dash Callback Explorer", '
                                                    'charset="UTF-8"'})

    # Run before Dash's own first-request setup so an anonymous request cannot trigger it.
    funcs = server.before_request_funcs.setdefault(None, [])
    funcs.insert(0, funcs.pop())
