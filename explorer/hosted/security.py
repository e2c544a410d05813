"""Response headers that keep the hosted page out of frames, sniffing and injected scripts."""

from __future__ import annotations

from dash import Dash
from flask import Response


def content_security_policy(script_hashes: list[str]) -> str:
    """A policy the explorer's page runs under: scripts only from the server and Dash's own
    inline ones (by hash), nothing framed, no plugins.

    >>> content_security_policy(["'sha256-x'"]).split("; ")[1]
    "script-src 'self' 'sha256-x'"
    """
    return "; ".join((
        "default-src 'self'",
        "script-src 'self' " + " ".join(script_hashes),
        # React and cytoscape set style attributes; styles cannot run code
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",  # exports are data: and blob: URLs
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ))


def add_security_headers(app: Dash) -> None:
    """Send the headers with every response. Call after every callback is registered: the
    policy names the hashes of Dash's inline scripts (inline clientside callbacks among them)."""
    headers = {
        "Content-Security-Policy": content_security_policy(app.csp_hashes()),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
    }

    @app.server.after_request
    def security_headers(response: Response) -> Response:
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response
