"""DASH061 async-unavailable on the fixture apps and on hand-made app settings."""

from __future__ import annotations

import pytest

from analysis.snapshot import AppInfo
from snapshot_factory import (
    BAD_APP, functions_per_finding, probed, reported_names, server, snapshot_with_layout,
    with_app,
)


def test_bad_app_names_exactly_the_broken_callbacks() -> None:
    assert functions_per_finding(probed(BAD_APP), "DASH061") == [("load_rates",)]


def test_async_callbacks_flagged_once_asgiref_is_missing() -> None:
    without = with_app(probed("ids_and_signatures/clean_app.py"), use_async=False, async_available=False)
    assert functions_per_finding(without, "DASH061") == [("load_rates",)]


@pytest.mark.parametrize(
    ("use_async", "available", "bad"),
    [(True, True, False), (None, True, False), (False, True, True), (False, False, True),
     (None, False, True)],
)
def test_async_callbacks_need_an_async_app(use_async, available, bad) -> None:
    app = AppInfo("app:app", primary=True, use_async=use_async, async_available=available)
    callback = server(0, "async def f(n):\n    return n", ["n.value"], is_async=True)
    sync = server(1, "def g(n):\n    return n", ["n.value"])
    snap = snapshot_with_layout(callback, sync, app=app)
    assert reported_names("DASH061", snap) == (["f"] if bad else [])


@pytest.mark.parametrize(("server_type", "bad"), [("flask", True), (None, True), ("fastapi", False),
                                                   ("quart", False)])
def test_only_the_flask_backend_needs_asgiref(server_type, bad) -> None:
    """FastAPI and Quart await a coroutine in their own dispatcher (round 6, worldcup-2026)."""
    app = AppInfo("app:app", primary=True, use_async=False, async_available=False,
                  server_type=server_type)
    callback = server(0, "async def f(n):\n    return n", ["n.value"], is_async=True)
    assert reported_names("DASH061", snapshot_with_layout(callback, app=app)) == (["f"] if bad else [])
