"""DASH002 callback-key-collision: two callbacks share Dash's internal key; one function is lost."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label, callback_labels, listing
from analysis.snapshot import Callback


@rule(
    "DASH002",
    "callback-key-collision",
    "error",
    "two callbacks get the same internal key, so Dash keeps only one of the functions",
    static_note=(
        "keys are computed as Dash computes them; a no-Input, no-Output callback's key hashes"
        " its call site at run time, so it never collides here"
    ),
)
def callback_key_collision(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Finds callbacks that Dash files under the same key in its callback map. Dash keys an
    ``allow_duplicate`` output as ``"id.prop@<hash of the Inputs>"`` (States are not hashed)
    and a callback without Outputs by a hash of its Inputs alone. Two such callbacks with the
    same Inputs, in the same app, get the same key.

    ## Why is this bad?
    ``app.callback_map`` is a dict: the second registration silently replaces the first
    function, while the renderer still knows both callbacks. Every request for either callback
    then runs the last one registered; the first never runs, and nothing is logged. When one
    of them is an ``@dash.callback`` and the other an ``@app.callback``, Dash instead raises
    ``DuplicateCallback`` on the first request and the app serves no callbacks at all.
    (Plain duplicate Outputs without ``allow_duplicate`` also share a key; DASH001 reports
    those.)

    ## Example
    ```python
    @callback(Output("log", "children", allow_duplicate=True),
              Input("save", "n_clicks"), State("name", "value"), prevent_initial_call=True)
    def log_save(n, name): ...

    @callback(Output("log", "children", allow_duplicate=True),
              Input("save", "n_clicks"), State("email", "value"), prevent_initial_call=True)
    def log_email(n, email): ...  # same Inputs: same key, log_save is lost
    ```

    ## Use instead
    ```python
    @callback(Output("log", "children"),
              Input("save", "n_clicks"), State("name", "value"), State("email", "value"),
              prevent_initial_call=True)
    def log_save(n, name, email): ...  # one callback per trigger
    ```
    """
    groups: dict[tuple[str | None, str], list[Callback]] = defaultdict(list)
    for callback in ctx.callbacks:
        if not callback.output_key or not _collides_silently(callback):
            continue
        app = ctx.app_of(callback)
        groups[(app.name if app else None, callback.output_key)].append(callback)
    for members in groups.values():
        if len(members) < 2:
            continue
        kept = [cb for cb in members if not cb.dropped]
        lost = [cb for cb in members if cb.dropped]
        if len({cb.app is None for cb in members}) == 2:
            detail = "Dash raises DuplicateCallback on the first request and serves no callback"
        elif lost and kept:
            never = listing(callback_label(cb) for cb in lost)
            detail = f"Dash keeps {callback_label(kept[-1])} and never runs {never}"
        else:
            detail = "only one of the functions ever runs"
        yield callback_key_collision.finding(
            f"callbacks {callback_labels(members)} share Dash's callback key (same Inputs): "
            f"{detail}",
            members, members[0].outputs,
        )


def _collides_silently(callback: Callback) -> bool:
    """Keys that only clash through Dash's Input hashing (not plain duplicate outputs)."""
    return callback.no_output or any(d.allow_duplicate for d in callback.outputs)

