"""DASH060 blocking-call-in-async on the bad fixture app and on hand-made callbacks."""

from __future__ import annotations

import pytest

from snapshot_factory import (
    BAD_APP, functions_per_finding, probed, reported_names, server, snapshot_with_layout,
)


def test_bad_app_names_exactly_the_broken_callbacks() -> None:
    assert functions_per_finding(probed(BAD_APP), "DASH060") == [("load_rates",)]


@pytest.mark.parametrize(
    ("body", "bad"),
    [
        ("await asyncio.sleep(1)", False),
        ("await asyncio.to_thread(time.sleep, 1)", False),
        ("await asyncio.to_thread(lambda: requests.get(URL))", False),
        ("await loop.run_in_executor(None, functools.partial(requests.get, URL))", False),
        ("with open('rates.json') as handle:\n        return handle.read()", False),
        ("raise requests.exceptions.HTTPError('no')", False),
        ("async with httpx.AsyncClient() as client:\n        return await client.get(URL)", False),
        ("def later():\n        time.sleep(1)\n    return await asyncio.to_thread(later)", False),
        ("time.sleep(1)", True),
        ("return requests.post(URL, json={}).json()", True),
        ("return subprocess.check_output(['ls'])", True),
        ("sleep(1)", True),  # time.sleep, or an asyncio.sleep never awaited
    ],
)
def test_blocking_calls_in_async_callbacks(body, bad) -> None:
    callback = server(0, f"async def f(n):\n    {body}\n    return n", ["n.value"], is_async=True)
    assert reported_names("DASH060", snapshot_with_layout(callback)) == (["f"] if bad else [])


def test_blocking_call_in_sync_or_background_async_callback_is_fine() -> None:
    plain = server(0, "def f(n):\n    time.sleep(1)\n    return n", ["n.value"])
    background = server(1, "async def g(n):\n    time.sleep(1)\n    return n", ["n.value"],
                        is_async=True, background=True)
    assert reported_names("DASH060", snapshot_with_layout(plain, background)) == []
