"""DASH060 blocking-call-in-async: an ``async def`` callback calls a blocking function."""

from __future__ import annotations

import ast
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label
from analysis.source.python import body_nodes, dotted_name

#: Calls that block the thread for network or process I/O or on purpose. ``open()`` and
#: local file reads are left out: they are short, ubiquitous, and flagging them cries wolf.
BLOCKING_CALLS = frozenset(
    {
        "time.sleep",
        "urllib.request.urlopen", "request.urlopen", "urlopen",
        "subprocess.run", "subprocess.call", "subprocess.check_call",
        "subprocess.check_output", "subprocess.getoutput", "subprocess.getstatusoutput",
        "os.system", "os.wait", "os.waitpid",
        "socket.create_connection",
    }
)
#: HTTP verbs of the synchronous clients ``requests.get(...)``, ``httpx.post(...)``, ...
HTTP_CLIENTS = ("requests", "httpx")
HTTP_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request"})
#: Calls whose arguments run in a worker thread: what they are handed may block.
OFFLOADERS = ("to_thread", "run_in_executor", "run_sync", "submit")


@rule(
    "DASH060",
    "blocking-call-in-async",
    "warning",
    "an async def callback calls a blocking function (time.sleep, requests.*, subprocess.run, ...)",
)
def blocking_call_in_async(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds calls to blocking functions directly in the body of an ``async def`` callback:
    ``time.sleep``, ``requests.get``/``post``/..., synchronous ``httpx`` calls,
    ``urllib.request.urlopen``, ``subprocess.run``/``call``/``check_output``, ``os.system``.
    Calls handed to ``asyncio.to_thread(...)`` or ``loop.run_in_executor(...)`` are fine, and
    so is anything awaited. Plain ``open()`` is not reported: local file reads are short and
    everywhere. Background callbacks are skipped: they run in their own worker.

    ## Why is this bad?
    An async callback shares the event loop with the other callbacks of the request (and with
    ``asyncio.gather`` inside it). A blocking call stops that loop: everything that should run
    concurrently waits, so the callback is slower than a plain ``def`` one would have been.

    ## Example
    ```python
    @callback(Output("rates", "children"), Input("refresh", "n_clicks"))
    async def load_rates(n):
        response = requests.get(RATES_URL, timeout=10)
        time.sleep(1)
        return response.json()["eur"]
    ```

    ## Use instead
    ```python
    @callback(Output("rates", "children"), Input("refresh", "n_clicks"))
    async def load_rates(n):
        response = await asyncio.to_thread(requests.get, RATES_URL, timeout=10)
        await asyncio.sleep(1)
        return response.json()["eur"]
    ```
    """
    for callback in ctx.callbacks:
        if not callback.is_async or callback.background:
            continue
        function = ctx.function(callback)
        if not isinstance(function, ast.AsyncFunctionDef):
            continue
        blocking = sorted(set(blocking_calls(function)))
        if blocking:
            yield blocking_call_in_async.finding(
                f"async callback {callback_label(callback)} blocks the event loop with "
                + ", ".join(f"{name}()" for name in blocking),
                [callback],
            )


def blocking_calls(function: ast.AsyncFunctionDef) -> Iterator[str]:
    """Dotted names of blocking calls in the function's own body, offloaded ones excluded."""
    offloaded: set[int] = set()
    awaited: set[int] = set()
    for node in body_nodes(function):
        if isinstance(node, ast.Await):
            awaited.add(id(node.value))
        if isinstance(node, ast.Call) and _is_offloader(node):
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                offloaded.update(id(inner) for inner in ast.walk(argument))
    for node in body_nodes(function):
        if not isinstance(node, ast.Call) or id(node) in offloaded or id(node) in awaited:
            continue
        name = dotted_name(node.func)
        if name and _is_blocking(name):
            yield name


def _is_offloader(call: ast.Call) -> bool:
    name = dotted_name(call.func) or ""
    return name.rsplit(".", 1)[-1] in OFFLOADERS


def _is_blocking(name: str) -> bool:
    if name in BLOCKING_CALLS or name == "sleep":
        return True  # bare sleep(): time.sleep, or asyncio.sleep never awaited
    module, _, verb = name.rpartition(".")
    return module in HTTP_CLIENTS and verb in HTTP_VERBS

