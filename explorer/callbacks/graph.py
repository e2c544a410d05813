"""The graph: its elements for the current view, its highlights, its layout, and search."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, html
from dash.exceptions import PreventUpdate

from explorer import ids
from explorer.layout import drawn_layout
from explorer.projects import ProjectStore
from explorer.services import GraphView, SnapshotServices
from explorer.view.catalog import plural
from explorer.view.search import SEARCH_LIMIT, count_matches
from explorer.view.nodes import element_id
from explorer.view.filters import ViewSpec, view_spec
from explorer.view.stylesheet import HIGHLIGHT_JS
from explorer.view.urlstate import DEFAULT_LAYOUT

NO_ANALYSIS = "No analysis to show for this project yet."


#: The selection's nodes while focus is on; otherwise nothing changes.
FOCUS_OF_SELECTION = """
function(selection, direction) {
    if (!direction || direction === "off") { return window.dash_clientside.no_update; }
    return (selection && selection.nodes) || [];
}
"""


def graph_caption(view: GraphView, total: int, spec: ViewSpec) -> str:
    """The line under the graph: how much of it is shown, and how to see more."""
    caption = (f"{view.callbacks} of {total} callbacks, "
               f"{plural(view.properties, 'property', 'properties')} shown")
    if not view.callbacks and not view.properties and total:
        # a blank canvas alone reads as a broken page
        return "Nothing matches the filters — clear them to see the graph again."
    if view.aggregated:
        caption += (" — aggregated by page/module and connected cluster: click one to open "
                    "it, select a node and turn on focus to see its neighbourhood")
    if spec.direction != "off" and not spec.focus:
        caption += " (select a node to focus on it)"
    return caption


def no_graph(layout: str) -> tuple[list, dict, str, dict]:
    """The graph's outputs for a project without an analysis."""
    return [], drawn_layout(layout), NO_ANALYSIS, {"display": "none"}


def drawn_graph(
    services: SnapshotServices, spec: ViewSpec, expanded: tuple[str, ...], layout: str
) -> tuple[list, dict, str, dict]:
    """The graph's elements, layout, caption and the "Close opened groups" button's style."""
    view = services.graph_view(spec, expanded, layout)  # memoised
    caption = graph_caption(view, len(services.catalog.callbacks), spec)
    chosen = drawn_layout(layout)  # view.positioned holds for "dagre"
    # "Close opened groups" only where there is something to close.
    reset = {"display": "inline" if view.aggregated and expanded else "none"}
    return list(view.elements), chosen, caption, reset


def first_drawing(services: SnapshotServices | None,
                  collapse: str) -> tuple[list, dict, str, dict]:
    """What the page draws before any callback runs: the default project (``services``, None
    until it is analysed) in the controls' initial view (``collapse`` is the collapse
    control's initial value), the same answer ``render_graph`` gives for those values, so
    the load needs no request to draw."""
    if services is None:
        return no_graph(DEFAULT_LAYOUT)
    return drawn_graph(services, ViewSpec(collapse=collapse), (), DEFAULT_LAYOUT)


def search_highlights(services: SnapshotServices, query: str | None) -> list[str]:
    """What the search highlights: the matching nodes and, in the overview of a large
    graph, the clusters holding them."""
    matches = tuple(hit.key for hit in services.search((query or "").strip()))
    if matches:
        matches += services.opening(matches)
    return [element_id(key) for key in matches]


def search_result_list(services: SnapshotServices, query: str | None) -> list:
    """One button per search hit (a click selects it), or a line saying nothing matched."""
    if not (query or "").strip():
        return []
    hits = services.search(query.strip())
    if not hits:
        return [html.Div("No match.", className="small text-muted")]
    buttons = [
        html.Button(
            [html.Span(hit.label, className="fw-semibold"),
             html.Span(f" {hit.kind} · {hit.detail}", className="text-muted")],
            id={"type": ids.SEARCH_RESULT, "node": hit.key},
            className="list-group-item list-group-item-action py-1 px-2 small text-break",
        )
        for hit in hits
    ]
    if len(hits) < SEARCH_LIMIT:
        return buttons
    total = count_matches(services.search_index, query.strip())
    if total <= len(hits):
        return buttons
    # a silent cut-off reads as "these are all": say how many more a longer query would reach
    return buttons + [html.Div(f"{len(hits)} of {total} shown — type more to narrow the search",
                               className="small text-muted px-2 search-more")]


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(
        Output(ids.GRAPH, "elements"),
        Output(ids.GRAPH, "layout"),
        Output(ids.GRAPH_CAPTION, "children"),
        Output(ids.OVERVIEW_RESET, "style"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.REVISION, "data"),
        {name: Input(control, "value") for name, control in ids.VIEW_CONTROLS},
        Input(ids.FOCUS_NODES, "data"),
        Input(ids.EXPANDED, "data"),
        State(ids.GRAPH_SERVED, "data"),
    )
    def render_graph(
        project: str | None, revision: int | None, controls: dict, focus_nodes: list | None,
        expanded: list | None, served: bool | None,
    ) -> tuple[list, dict, str, dict]:
        """One writer for what the graph draws and how it is laid out. A new selection
        reaches it only while a focus view is on (see ``FOCUS_OF_SELECTION``)."""
        if served and ctx.triggered_id is None:
            raise PreventUpdate  # the page holds the first drawing (first_drawing)
        name = controls.get("layout") or "dagre"
        spec = view_spec(controls, focus_nodes)
        opened = tuple(sorted(expanded or ()))
        return store.answer(project, lambda s: drawn_graph(s, spec, opened, name), no_graph(name))

    @app.callback(
        Output(ids.SEARCH_MATCHES, "data"),
        Input(ids.SEARCH_INPUT, "value"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.REVISION, "data"),
        prevent_initial_call=True,  # the page starts with no query and no matches
    )
    def mark_matches(query: str | None, project: str | None, revision: int | None) -> list[str]:
        return store.answer(project, lambda s: search_highlights(s, query), [])

    # Only a focus view draws around the selection (highlighting is the stylesheet's job):
    # without one, a new selection sends no request for the graph at all.
    app.clientside_callback(
        FOCUS_OF_SELECTION,
        Output(ids.FOCUS_NODES, "data"),
        Input(ids.SELECTION, "data"),
        Input(ids.FOCUS_DIRECTION, "value"),
    )

    # Selection and search matches are styles, so highlighting never re-runs the layout;
    # composed in the browser, selecting a node costs no request for it.
    app.clientside_callback(
        HIGHLIGHT_JS,
        Output(ids.GRAPH, "stylesheet"),
        Input(ids.SELECTION, "data"),
        Input(ids.SEARCH_MATCHES, "data"),
        Input(ids.LIVE_STYLE, "data"),
        # the page starts with this stylesheet: restyling every element on load is wasted
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.SEARCH_RESULTS, "children"),
        Input(ids.SEARCH_INPUT, "value"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.REVISION, "data"),
    )
    def search_results(query: str | None, project: str | None, revision: int | None) -> list:
        return store.answer(project, lambda s: search_result_list(s, query), [])
