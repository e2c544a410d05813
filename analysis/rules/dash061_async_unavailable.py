"""DASH061 async-unavailable: ``async def`` callbacks in an app that cannot run them."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label


@rule(
    "DASH061",
    "async-unavailable",
    "error",
    "async callbacks in an app that runs without async support (use_async=False or no dash[async])",
    static_note=(
        "only use_async=False is seen: whether dash[async] is installed is a fact of the "
        "target's environment, which static mode does not look at"
    ),
)
def async_unavailable(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds ``async def`` callbacks (background ones included) in an app that serves callbacks
    synchronously: ``Dash(use_async=False)``, or ``dash[async]`` (``asgiref``) not installed
    in the environment the app was analysed in, so Dash's default ``use_async=None`` resolved
    to synchronous dispatch. Only the Flask backend dispatches synchronously: an app on
    Dash 4's FastAPI or Quart backend (``Dash(backend="fastapi")``) awaits coroutines itself,
    with or without ``asgiref``, and is not reported.

    ## Why is this bad?
    Dash's synchronous dispatcher gets a coroutine back from the callback and fails every call
    with "You are trying to use a coroutine without dash[async]". The app starts and renders,
    and each async callback errors only when it first runs.

    ## Example
    ```python
    app = Dash(__name__, use_async=False)

    @callback(Output("rates", "children"), Input("refresh", "n_clicks"))
    async def load_rates(n):
        return await fetch_rates()
    ```

    ## Use instead
    ```python
    # pip install "dash[async]"
    app = Dash(__name__)  # use_async defaults to True when asgiref is installed

    @callback(Output("rates", "children"), Input("refresh", "n_clicks"))
    async def load_rates(n):
        return await fetch_rates()
    ```
    """
    for callback in ctx.callbacks:
        if not callback.is_async or callback.kind != "server":
            continue
        app = ctx.app_of(callback)
        if app is None:
            continue  # no app to serve it: nothing to say about how it is served
        if app.use_async is True:
            continue  # Dash itself refuses use_async=True without asgiref
        if app.server_type not in (None, "flask"):
            continue  # FastAPI and Quart await a coroutine in their own dispatcher
        if not app.async_available and not ctx.snapshot.static:  # static: not looked at
            reason = "dash[async] (asgiref) is not installed where the app was analysed"
        elif app.use_async is False:
            reason = f"app {app.name!r} is created with use_async=False"
        else:
            continue
        yield async_unavailable.finding(
            f"async callback {callback_label(callback)} cannot run: {reason}",
            [callback], callback.outputs,
        )
