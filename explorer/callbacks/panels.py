"""The findings list, the details of the selection and the summary."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from analysis.findings import Finding
from analysis.graph import callback_node
from analysis.runtime.evidence import RunView, confirm
from explorer import ids
from explorer.callbacks.live import run_of, runtime_of
from explorer.comparisons import comparison_of
from explorer.livefeed import LiveFeed
from explorer.panels.compare import change_details, split_by_status
from explorer.panels.details import details_panel, evidence_lines, finding_card, severity_badge
from explorer.panels.runtime import runtime_details, runtime_findings_block
from explorer.projects import ProjectStore
from explorer.services import SnapshotServices
from explorer.view.catalog import SEVERITY_RANK
from explorer.view.catalog import callback_kind
from explorer.view.elements import shown_groups
from explorer.panels.summary import findings_by_rule_figure, message_figure, summary_counts

PROMPT = html.P("Select a callback, a component or a finding.", className="text-muted")


def no_findings() -> tuple[html.P, str]:
    """The findings card of a project without an analysis."""
    return html.P("No analysis.", className="text-muted p-2"), "Findings"


def finding_item(index: int, finding: Finding, names: list[str] | None = None) -> html.Button:
    """One finding as text: code, rule name, severity, callbacks, file:line and message; a
    button, so Tab reaches it and Enter selects it. ``names``: its callbacks told apart
    (``Catalog.names``); by default their function names."""
    functions = ", ".join(names or [name.rsplit(".", 1)[-1] for name in finding.functions])
    location = f"{finding.file}:{finding.line}" if finding.file else ""
    line = "d-block small"
    return html.Button([
        html.Span([
            severity_badge(finding.severity),
            html.Span(finding.code, className="fw-bold me-1 finding-code"),
            html.Span(finding.name, className="me-1"),
        ], className="d-block"),
        html.Span([html.Span(functions, className="font-monospace finding-function"),
                   html.Span(f"  {location}", className="text-muted")], className=line),
        html.Span(finding.message, className=f"{line} text-break"),
        *evidence_lines(finding),
    ], id={"type": ids.FINDING_ITEM, "index": index}, n_clicks=0, type="button",
        className="list-group-item list-group-item-action py-1 px-2 text-start finding-item")


def finding_order(finding: Finding) -> tuple:
    """Errors first, then warnings, then infos; within each, by file and line."""
    return (SEVERITY_RANK.get(finding.severity, len(SEVERITY_RANK)), finding.file or "",
            finding.line or 0, finding.code)


def shown_findings(services: SnapshotServices, severities: tuple[str, ...],
                   rules: tuple[str, ...], groups: tuple[str, ...],
                   kinds: tuple[str, ...] = ()) -> list[int]:
    """Indices of the findings passing the severity, rule, page/module and callback kind
    filters: the graph's filters, so every finding listed is drawn (as in Kedro-Viz, where
    the sidebar lists what the filters leave on the canvas)."""
    catalog = services.catalog
    shown = []
    for index, finding in enumerate(services.findings):
        if severities and finding.severity not in severities:
            continue
        if rules and finding.code not in rules:
            continue
        involved = catalog.finding_nodes[index]
        if groups and not any(catalog.group_of.get(n) in groups for n in involved):
            continue
        if kinds and not any(callback_kind(catalog.callbacks[n]) in kinds
                             for n in involved if n in catalog.callbacks):
            continue
        shown.append(index)
    return shown


def findings_count(shown: int, total: int) -> str:
    """The findings card's title.

    >>> findings_count(3, 3), findings_count(1, 3)
    ('Findings (3)', 'Findings (1 of 3)')
    """
    return f"Findings ({f'{shown} of {total}' if shown != total else total})"


def findings_panel(services: SnapshotServices, severities: list | None, rules: list | None,
                   groups: list | None, kinds: list | None = None,
                   live: LiveFeed | None = None, run: RunView | None = None
                   ) -> tuple[object, str]:
    """The findings list passing the filters, and its count; with a live ``run``, each
    finding with its evidence and the run's own (RUNTIME0xx) findings after them: those the
    project's settings enable (its thresholds the ``--live-*`` options') that pass the
    severity and rule filters."""
    shown = shown_findings(services, tuple(severities or ()), tuple(rules or ()),
                           tuple(groups or ()), tuple(kinds or ()))
    total = len(services.findings)
    count = findings_count(len(shown), total)
    at_run_time = [
        finding for finding in runtime_of(live, services, run)
        if (not severities or finding.severity in severities)
        and (not rules or finding.code in rules)
    ] if run and live else []
    if at_run_time:
        count += f" · {len(at_run_time)} at run time"
    runtime = runtime_findings_block(at_run_time)
    if not shown:
        empty = html.P("No findings." if not total else "No finding passes the filters.",
                       className="text-muted p-2 mb-0")
        return (html.Div([empty, *runtime]) if runtime else empty), count
    findings = confirm(services.findings, run) if run else services.findings
    names = services.catalog.names
    shown.sort(key=lambda i: finding_order(findings[i]))

    def item(i: int) -> html.Button:
        finding = findings[i]
        told = [names[callback_node(n)] for n in finding.callbacks if callback_node(n) in names]
        return finding_item(i, finding, told if len(told) == len(finding.callbacks) else None)
    comparison = comparison_of(services)
    if comparison is not None:  # the compare view: new, fixed, unchanged
        return html.Div([*split_by_status(comparison, shown, item), *runtime]), count
    return html.Div([*(item(i) for i in shown), *runtime],
                    className="list-group list-group-flush"), count


def selection_details(services: SnapshotServices, selection: dict | None,
                      run: RunView | None = None) -> list:
    """The first selected node's details, under its finding's card when one was clicked;
    with a live ``run``, a callback's runtime numbers and the findings' evidence."""
    nodes = (selection or {}).get("nodes") or []
    if not nodes:
        return [PROMPT]
    findings = confirm(services.findings, run) if run else list(services.findings)
    finding = (selection or {}).get("finding")
    header = []
    if isinstance(finding, int) and 0 <= finding < len(findings):
        header = [finding_card(findings[finding], open_rationale=True)]
    extra = (lambda cb: runtime_details(run, cb)) if run else None
    panel = details_panel(services, nodes[0], extra, findings)
    comparison = comparison_of(services)
    if comparison is not None:  # the change first, under the clear button: what a review reads
        panel[1:1] = change_details(comparison, nodes[0])
    return header + panel


def summary_badges(services: SnapshotServices) -> list:
    """The summary's counts, one badge each."""
    badges = [
        html.Div([html.Div(str(value), className="fs-5 fw-bold"),
                  html.Div(name, className="small text-muted")],
                 className="summary-count me-3 mb-2")
        for name, value in summary_counts(services).items()
    ]
    return [html.Div(badges, className="d-flex flex-wrap")]


def summary_chart(services: SnapshotServices | None) -> dcc.Graph:
    """The findings-by-rule chart (an empty one without an analysis)."""
    figure = findings_by_rule_figure(services) if services else message_figure("")
    return dcc.Graph(id=ids.SUMMARY_CHART, figure=figure, config={"displayModeBar": False},
                     style={"height": "auto"})


#: Two animation frames after the graph's elements changed: the canvas has painted them.
#: (Returning a promise makes the chart's callback, chained on this, wait that long.)
AFTER_PAINT = """
function(elements) {
    return new Promise((resolve) => requestAnimationFrame(
        () => requestAnimationFrame(() => resolve(Date.now()))));
}
"""


def chart_is_stale(graph_drawn: bool, shown_for: list | None, wanted: list) -> bool:
    """Whether the summary chart must be (re)drawn for ``wanted`` ([project, revision]).

    The first chart waits for the graph's first drawing (plotly.js must not delay it); once
    one is mounted, another project's or revision's graph replaces it even when the filters
    leave that graph empty.

    >>> chart_is_stale(False, None, ["demo", 0]), chart_is_stale(False, ["demo", 0], ["shop", 0])
    (False, True)
    >>> chart_is_stale(True, ["demo", 0], ["demo", 0])
    False
    """
    if shown_for == wanted:
        return False
    return graph_drawn or shown_for is not None


def group_filter(groups: list[str], wanted: list | None, chosen: list | None) -> list | None:
    """The page/module filter's value: the wanted groups this project has; None when that
    is what is chosen already (an empty filter never written, None, is chosen already:
    writing [] over it would redraw the graph the page was served with)."""
    kept = [g for g in wanted or () if g in groups]
    return None if kept == (chosen or []) else kept


def register(app: Dash, store: ProjectStore, live: LiveFeed | None = None) -> None:
    """``live``: the running app whose calls the panels show (``--live``)."""
    @app.callback(
        Output(ids.FINDINGS_LIST, "children"),
        Output(ids.FINDINGS_COUNT, "children"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.REVISION, "data"),
        Input(ids.FILTER_SEVERITY, "value"),
        Input(ids.FILTER_RULE, "value"),
        Input(ids.FILTER_GROUP, "value"),
        Input(ids.FILTER_KIND, "value"),
        Input(ids.LIVE_REVISION, "data"),
    )
    def list_findings(
        project: str | None, revision: int | None, severities: list | None,
        rules: list | None, groups: list | None, kinds: list | None, live_revision: list | None,
    ) -> tuple[object, str]:
        return store.answer(project, lambda s: findings_panel(
            s, severities, rules, groups, kinds, live, run_of(live, project, s)), no_findings())

    @app.callback(
        Output(ids.DETAILS, "children"),
        Input(ids.SELECTION, "data"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.REVISION, "data"),
        Input(ids.LIVE_REVISION, "data"),
    )
    def show_details(selection: dict | None, project: str | None, revision: int | None,
                     live_revision: list | None) -> list:
        return store.answer(
            project, lambda s: selection_details(s, selection, run_of(live, project, s)),
            [PROMPT])

    @app.callback(
        Output(ids.SUMMARY, "children"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.REVISION, "data"),
    )
    def summarise(project: str | None, revision: int | None) -> list:
        nothing = [html.P("No analysis.", className="text-muted")]
        return store.answer(project, summary_badges, nothing)

    # The page is served with the graph's elements: the chart waits until they are painted.
    app.clientside_callback(
        AFTER_PAINT, Output(ids.GRAPH_PAINTED, "data"), Input(ids.GRAPH, "elements"))

    @app.callback(
        Output(ids.SUMMARY_CHART_SLOT, "children"),
        Output(ids.SUMMARY_CHART_FOR, "data"),
        Input(ids.GRAPH_PAINTED, "data"),
        State(ids.GRAPH, "elements"),
        State(ids.PROJECT_SELECT, "value"),
        State(ids.REVISION, "data"),
        State(ids.SUMMARY_CHART_FOR, "data"),
    )
    def draw_summary_chart(painted: float | None, elements: list | None, project: str | None,
                           revision: int | None, shown_for: list | None
                           ) -> tuple[dcc.Graph, list]:
        """Chained on the graph's painted elements so that plotly.js loads once the graph is
        on screen; later redraws of the graph (filters, focus) leave the chart alone."""
        if not chart_is_stale(bool(painted and elements), shown_for, [project, revision]):
            raise PreventUpdate  # no graph drawn yet, or the chart is already this project's
        return summary_chart(store.services(project)), [project, revision]

    @app.callback(
        Output(ids.FILTER_GROUP, "options"),
        Output(ids.FILTER_GROUP, "value"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.REVISION, "data"),
        Input(ids.URL_VIEW, "data"),
        State(ids.FILTER_GROUP, "value"),
    )
    def offer_groups(
        project: str | None, revision: int | None, url_view: dict | None, chosen: list | None
    ) -> tuple[list, object]:
        """The page/module filter's options and value change together, so a value restored
        from a link is never dropped for arriving before its options."""
        groups = store.answer(project, lambda s: list(shown_groups(s.catalog)), [])
        # Restore from the link when it fired (maybe with the project) or when the value was
        # never written (None): a restoring response dropped for a newer request is redone.
        restoring = f"{ids.URL_VIEW}.data" in ctx.triggered_prop_ids or chosen is None
        value = group_filter(groups, (url_view or {}).get("groups") if restoring else chosen,
                             chosen)
        return groups, no_update if value is None else value
