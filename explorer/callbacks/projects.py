"""Projects: the picker's labels, "Analyse again" as a background job, and the status line."""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, ctx, html, no_update, set_props
from dash.exceptions import PreventUpdate

from explorer import ids
from explorer.projects import ProjectState, ProjectStore, run_analysis

log = logging.getLogger(__name__)

#: Said to the page that sent a job id this server did not issue, or one already taken in.
UNKNOWN_JOB = ("That analysis result is not a result of this server, or was already taken "
               "in: nothing changed. Press Analyse again for a new analysis.")


def project_label(name: str, state: ProjectState) -> str:
    """The picker's text for a project: its name and how its last analysis went."""
    if state.services is None:
        return f"{name} (analysis failed)"
    findings = len(state.services.findings)
    failed = ", last run failed" if state.error else ""
    return f"{name} ({findings} finding{'s' if findings != 1 else ''}{failed})"


def status_line(name: str, state: ProjectState) -> list:
    """The probe's error (one line, details folded) or when the project was analysed."""
    if state.error is None:
        when = time.strftime("%H:%M:%S", time.localtime(state.analysed_at))
        snapshot = state.services.id if state.services else "?"
        return [html.Div(f"{name}: analysed at {when}, snapshot {snapshot}",
                         className="small text-muted mb-1")]
    kept = (" Showing the last good snapshot." if state.services is not None
            else " There is no earlier snapshot to show.")
    return [dbc.Alert([
        html.Strong(f"Analysis of {name} failed: "),
        html.Span(state.error, className="status-error"),
        html.Span(kept),
        html.Details([html.Summary("Details"), html.Pre(state.error_details or "(none)",
                                                        className="small mb-0 status-details")])
        if state.error_details else html.Span(),
    ], color="danger", dismissable=True, className="py-2 mb-2")]


def project_options(names: list[str], states: list[ProjectState],
                    choices: list[tuple[str, str]], notes: list[str] | None = None
                    ) -> list[dict]:
    """The picker's options: each project with how its analysis went (and its note: the
    hosted newest entry's change), then the extra choices."""
    notes = notes or [""] * len(names)
    options = [{"label": project_label(n, s) + (f" · {note}" if note else ""), "value": n}
               for n, s, note in zip(names, states, notes)]
    return options + [{"label": label, "value": value} for value, label in choices]


def adopted_revision(store: ProjectStore, job: object) -> int | None:
    """The store's revision after taking in the result of job ``job``; None when ``job`` is
    not the id of a result this server keeps (forged, replayed, or for a project no longer
    configured)."""
    result = store.jobs.take(job)
    if result is None:
        return None
    try:
        store.adopt(result)
    except ValueError:
        return None
    return store.revision


def newer_revision(current: int, shown: object) -> int | None:
    """The store's revision when the page shows another one (a watch analysed again, or
    another page's job was taken in); None when the page is up to date.

    >>> newer_revision(4, 3), newer_revision(4, 4)
    (4, None)
    """
    return None if shown == current else current


def notice(text: str) -> dict:
    """The job notice's props: one line on the page, the whole text when hovered.

    >>> notice("lost")
    {'children': 'lost', 'title': 'lost'}
    """
    return {"children": text, "title": text}


def job_failure(project: str | None, error: Exception) -> str:
    """The notice for an "Analyse again" job that failed to run (not an analysis that
    failed: that is the project's status): what went wrong, on one line.

    >>> job_failure("shop", Exception("An error occurred inside a background callback: "
    ...                               "the job queue (Redis) is unreachable\\nTraceback"))
    'Analysis of shop could not run: the job queue (Redis) is unreachable'
    """
    text = str(error).removeprefix("An error occurred inside a background callback: ")
    first = text.splitlines()[0] if text.strip() else repr(error)
    return f"Analysis of {project} could not run: {first}"


def project_status(store: ProjectStore, project: str | None, cancelled: bool = False) -> list:
    """The status line of the picked project (nothing for an unknown one), saying first
    that its analysis was cancelled when Cancel was what changed it."""
    if not store.known(project):
        return []
    line = status_line(project, store.state(project))
    if cancelled:
        line.insert(0, html.Div(f"Analysis of {project} cancelled: the last snapshot stays.",
                                className="small text-warning-emphasis mb-1 status-cancelled"))
    return line


#: The progress bar while the probe runs: its time is unknown, so a full animated bar whose
#: label has room (a 30% bar clipped "analysing" to "analy").
ANALYSING = (100, "analysing…", True)


def analysis_finished(failed: bool) -> tuple[int, str, bool]:
    """The progress bar once the job ends: full, still, saying how it went.

    >>> analysis_finished(False), analysis_finished(True)
    ((100, 'done', False), (100, 'failed', False))
    """
    return (100, "failed" if failed else "done", False)


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(Output(ids.PROJECT_SELECT, "options"), Input(ids.REVISION, "data"))
    async def describe_projects(revision: int | None) -> list[dict]:
        """Each project's probe runs in its own child process: analyse them concurrently."""
        names = store.names()
        loop = asyncio.get_running_loop()
        # Its own pool, shut down when done: no idle worker threads outlive the request.
        with ThreadPoolExecutor(max_workers=min(8, len(names))) as pool:
            states = await asyncio.gather(
                *(loop.run_in_executor(pool, store.state, n) for n in names))
        return project_options(names, list(states), store.choices(),
                               [store.note(name) for name in names])

    # Its only Outputs are the job notice, which no callback reads: Dash's renderer holds back
    # every callback with an Input downstream of a running callback's Outputs, and the result
    # feeds REVISION, which nearly every callback reads (search, selection, details). Handed
    # over with set_props, the result starts a new chain when it arrives, so nothing a user
    # does waits for the analysis.
    @app.callback(
        Output(ids.JOB_NOTICE, "children"),
        Output(ids.JOB_NOTICE, "title"),
        Input(ids.ANALYSE_BUTTON, "n_clicks"),
        State(ids.PROJECT_SELECT, "value"),
        background=True,
        running=[
            (Output(ids.ANALYSE_BUTTON, "disabled"), True, False),
            (Output(ids.CANCEL_BUTTON, "disabled"), False, True),
        ],
        progress=[Output(ids.ANALYSIS_PROGRESS, "value"), Output(ids.ANALYSIS_PROGRESS, "label"),
                  Output(ids.ANALYSIS_PROGRESS, "animated")],
        progress_default=[0, "", False],
        cancel=[Input(ids.CANCEL_BUTTON, "n_clicks")],
        prevent_initial_call=True,
        # A job that could not run (its queue unreachable, or lost) says so on the page
        # instead of a 500 the page would not show. (An Output is needed: Dash 4.4.1 turns an
        # error handler's None into no_update, which it refuses from a no-Output callback.)
        on_error=lambda error: [job_failure(ctx.states.get(f"{ids.PROJECT_SELECT}.value"),
                                            error)] * 2,
    )
    def analyse_again(
        set_progress: Callable[[tuple], None], n_clicks: int | None, project: str | None
    ) -> list[str]:
        """Re-run the probe in a background job; the result is adopted by the app process."""
        if not store.known(project):
            raise PreventUpdate
        set_progress(ANALYSING)
        # Cancel kills the job's process and its children (the probe among them).
        job, failed = run_analysis(store.project(project), store.results_dir)
        set_progress(analysis_finished(failed))
        # Only the id reaches the browser: the result stays on the server, taken in once.
        set_props(ids.ANALYSIS_RESULT, {"data": job})
        return ["", ""]  # this job ran: an earlier notice no longer holds

    # The one writer of REVISION. Watch mode: the server analyses again when files change,
    # and the page asks each second for the store's revision (one integer compared); a newer
    # one redraws what REVISION drives, as a taken-in "Analyse again" does. Selection,
    # filters and focus are the page's own state, untouched.
    @app.callback(
        Output(ids.REVISION, "data"),
        Input(ids.ANALYSIS_RESULT, "data"),
        Input(ids.WATCH_POLL, "n_intervals"),
        State(ids.REVISION, "data"),
        prevent_initial_call=True,
    )
    def adopt_analysis(job: object, ticks: int | None, shown: int | None) -> int:
        if ctx.triggered_id == ids.WATCH_POLL:
            newer = newer_revision(store.revision, shown)
            if newer is None:
                raise PreventUpdate
            return newer
        revision = adopted_revision(store, job)
        if revision is None:
            log.warning("refused an analysis result id this server did not issue or already "
                        "took in: %.60r", job)
            set_props(ids.JOB_NOTICE, notice(UNKNOWN_JOB))
            return no_update  # not PreventUpdate: that would drop the notice too
        set_props(ids.JOB_NOTICE, notice(""))
        return revision

    @app.callback(
        Output(ids.STATUS, "children"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.REVISION, "data"),
        Input(ids.CANCEL_BUTTON, "n_clicks"),
    )
    def show_status(project: str | None, revision: int | None, cancels: int | None) -> list:
        cancelled = ctx.triggered_id == ids.CANCEL_BUTTON and bool(cancels)
        return project_status(store, project, cancelled)
