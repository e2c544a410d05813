"""Optional HTTP basic auth over the whole app (pages, assets, callbacks), when configured."""

from __future__ import annotations

import base64
import binascii
import hmac

from flask import Flask, Response, request

#: Paths that authenticate otherwise (the API's bearer token) or must answer a load
#: balancer's probe without credentials.
DEFAULT_EXEMPT = ("/api/", "/healthz")


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


def require_basic_auth(server: Flask, user: str, password: str,
                       exempt: tuple[str, ...] = DEFAULT_EXEMPT) -> None:
    """Every request except ``exempt`` path prefixes needs these credentials (else 401)."""
    expected = f"{user}:{password}".encode()

    @server.before_request
    def check_basic_auth() -> Response | None:
        if request.path.startswith(exempt):
            return None
        scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "basic":
            try:
                given = base64.b64decode(encoded.strip(), validate=True)
            except (binascii.Error, ValueError):
                given = b""
            if hmac.compare_digest(given, expected):
                return None
        return Response("Authentication required.\n", status=401, mimetype="text/plain",
                        headers={"WWW-Authenticate": 'Basic realm="Dash Callback Explorer", '
                                                    'charset="UTF-8"'})

    # Run before Dash's own first-request setup so an anonymous request cannot trigger it.
    funcs = server.before_request_funcs.setdefault(None, [])
    funcs.insert(0, funcs.pop())
