"""The runtime overlay (``--live URL``): the page polls, the server fetches the app's calls."""

from __future__ import annotations

from dataclasses import replace

from dash import Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from analysis.findings import Finding
from analysis.runtime.evidence import RunView, read_run, runtime_findings
from explorer import ids
from explorer.livefeed import LiveError, LiveFeed, log_revision
from explorer.projects import ProjectStore
from explorer.services import SnapshotServices
from explorer.view.runtime import overlay_styles, runtime_marks, status_line


def run_of(live: LiveFeed | None, project: str | None,
           services: SnapshotServices) -> RunView | None:
    """The last fetched run read against the project's analysis, when it is the live one."""
    if live is None or project != live.project:
        return None
    log = live.last()
    return None if log is None else read_run(services.snapshot, log)


def runtime_of(live: LiveFeed, services: SnapshotServices, run: RunView) -> list[Finding]:
    """The run's RUNTIME0xx findings under the project's settings, the feed's thresholds."""
    return runtime_findings(run, replace(services.settings, thresholds=live.thresholds))


def overlay(live: LiveFeed, project: str | None, services: SnapshotServices | None,
            shown: list | None, redraw: bool = False) -> tuple[object, str, object]:
    """One poll: the graph's overlay rules, the status line and the live revision (both
    unchanged while the log is, unless ``redraw``: another project or analysis was shown).
    The app being down is a line on the page, the last overlay staying as it was."""
    if services is None or project != live.project:
        return [], "", no_update
    try:
        log = live.fetch()
    except LiveError as err:
        return no_update, f"live: {err.message}", no_update
    revision = log_revision(log)
    run = read_run(services.snapshot, log)
    status = status_line(run, live.url)
    if revision == shown and not redraw:
        return no_update, status, no_update
    return overlay_styles(run, runtime_marks(runtime_of(live, services, run))), status, revision


def register(app: Dash, store: ProjectStore, live: LiveFeed | None) -> None:
    @app.callback(
        Output(ids.LIVE_STYLE, "data"),
        Output(ids.LIVE_STATUS, "children"),
        Output(ids.LIVE_REVISION, "data"),
        Input(ids.LIVE_POLL, "n_intervals"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.REVISION, "data"),
        State(ids.LIVE_REVISION, "data"),
        prevent_initial_call=True,  # the first tick of the poll is the first fetch
    )
    def poll_live(ticks: int | None, project: str | None, revision: int | None,
                  shown: list | None) -> tuple[object, str, object]:
        """Fetch the running app's calls; the panels follow ``LIVE_REVISION``."""
        if live is None:
            raise PreventUpdate
        return overlay(live, project, store.services(project) if project else None, shown,
                       redraw=ctx.triggered_id != ids.LIVE_POLL)
