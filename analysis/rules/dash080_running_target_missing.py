"""DASH080 running-target-missing: a ``running=`` target id is in no layout of the app."""

from __future__ import annotations

from typing import Iterator

from analysis.context import LintContext
from analysis.findings import Finding
from analysis.rules._base import rule
from analysis.rules._naming import callback_label, dependency_label


@rule(
    "DASH080",
    "running-target-missing",
    "warning",
    "a running= target id is in no layout of the app, so Dash silently skips it",
    static_note="silent for an app with any unresolved layout part",
)
def running_target_missing(ctx: LintContext) -> Iterator[Finding]:
    """## What it does
    Checks that each component named in a callback's ``running=[(Output(id, prop), on, off)]``
    exists in some layout of the app (pages included). Apps with
    ``suppress_callback_exceptions=True`` and layouts the probe could not render are skipped:
    the component may be created at run time.

    ## Why is this bad?
    Dash validates neither the server side nor, in the browser, the ``running`` targets: a
    mistyped id means the button is never disabled and the spinner never shows while the
    callback runs, with no error anywhere.

    ## Example
    ```python
    app.layout = html.Div([html.Button("Run", id="run"), html.Div(id="result")])

    @callback(Output("result", "children"), Input("run", "n_clicks"),
              running=[(Output("run-button", "disabled"), True, False)],
              prevent_initial_call=True)
    def run_job(n):
        return do_work()
    ```

    ## Use instead
    ```python
    @callback(Output("result", "children"), Input("run", "n_clicks"),
              running=[(Output("run", "disabled"), True, False)],
              prevent_initial_call=True)
    def run_job(n):
        return do_work()
    ```
    """
    index = ctx.layouts
    for callback in ctx.callbacks:
        layouts = index.checkable(callback) if callback.running else None
        if layouts is None:
            continue
        missing = index.missing(callback, callback.running, layouts)
        if missing:
            listed = ", ".join(dependency_label(d) for d in missing)
            yield running_target_missing.finding(
                f"callback {callback_label(callback)} has running= targets no layout contains: {listed}",
                [callback], missing, ids_at_fault=True,
            )
