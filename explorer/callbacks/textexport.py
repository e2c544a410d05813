"""Export buttons for the current view as text: Mermaid, DOT, GraphML, Cytoscape JSON."""

from __future__ import annotations

from dash import ALL, Dash, Input, State, ctx, dcc, set_props
from dash.exceptions import PreventUpdate

from analysis.graph_text.formats import FORMATS
from explorer import ids
from explorer.projects import ProjectStore
from explorer.services import SnapshotServices
from explorer.view.filters import ViewSpec, view_spec
from explorer.view.textexport import TEXT_SUFFIX, elements_graph, everything_graph, view_text


def view_download(services: SnapshotServices, spec: ViewSpec, expanded: tuple[str, ...],
                  fmt: str, everything: bool) -> str:
    """The view's text: what it draws (an aggregated overview stays aggregated), or with
    ``everything`` every callback and property its filters and focus keep."""
    if everything:
        graph = everything_graph(services.snapshot, services.visible(spec))
    else:
        view = services.graph_view(spec, expanded, "dagre")  # memoised: the one on screen
        graph = elements_graph(view.elements)
        if view.aggregated:
            graph.graph["note"] = ("the aggregated view as shown; tick 'every callback' "
                                   "to export every callback")
    return view_text(graph, fmt)


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(
        Input({"type": ids.EXPORT_TEXT, "format": ALL}, "n_clicks"),
        State(ids.PROJECT_SELECT, "value"),
        {name: State(control, "value") for name, control in ids.VIEW_CONTROLS},
        State(ids.FOCUS_NODES, "data"),
        State(ids.EXPANDED, "data"),
        State(ids.EXPORT_TEXT_ALL, "value"),
        prevent_initial_call=True,
    )
    def export_text(clicks: list[int | None], project: str | None, controls: dict,
                    focus_nodes: list | None, expanded: list | None,
                    everything: list | None) -> None:
        trigger = ctx.triggered_id
        services = store.services(project)
        if services is None or not any(clicks) or not isinstance(trigger, dict) \
                or trigger.get("format") not in FORMATS:
            raise PreventUpdate
        fmt = trigger["format"]
        text = view_download(services, view_spec(controls, focus_nodes),
                             tuple(sorted(expanded or ())), fmt, bool(everything))
        set_props(ids.DOWNLOAD, {"data": dcc.send_string(
            text, f"{project}-view{TEXT_SUFFIX[fmt]}")})
