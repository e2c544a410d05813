"""The page: a header with projects and analysis, controls, the graph, findings and details."""

from __future__ import annotations

from typing import Callable

import dash_bootstrap_components as dbc
import dash_cytoscape as cyto
from dash import dcc, html

from analysis.findings import SEVERITIES
from analysis.reporters import downloadable_formats
from analysis.rules import all_rules
from explorer import ids
from explorer.view.aggregate import PRESET_LAYOUT
from explorer.view.catalog import CALLBACK_KINDS
from explorer.view.elements import COLLAPSE_MODES
from explorer.panels.compare import compare_legend, compare_section, review_button
from explorer.projects import ProjectStore
from explorer.services import SnapshotServices
from explorer.view.runtime import HEAT, NEVER_CALLED
from explorer.view.stylesheet import BASE, FRAMING_DATA, SEVERITY_COLOURS
from explorer.view.urlstate import DEFAULT_LAYOUT, LAYOUTS
from explorer.view.filters import FOCUS_DIRECTIONS, MAX_DEPTH, default_collapse

def graph_layout(name: str) -> dict:
    """Cytoscape layout options; hierarchical (dagre) flows left to right."""
    options: dict = {"name": name, "animate": False, "fit": True, "padding": 20}
    if name == "dagre":
        options.update(rankDir="LR", nodeSep=10, rankSep=50)
    elif name == "klay":
        options["klay"] = {"direction": "RIGHT", "spacing": 14, "thoroughness": 10,
                           "edgeRouting": "ORTHOGONAL", "layoutHierarchy": False}
    return options


def drawn_layout(name: str) -> dict:
    """The layout the graph runs for the one named ``name``: the hierarchical one ("dagre") at
    the server's positions (elements from ``SnapshotServices.graph_view``), the others by
    cytoscape in the browser."""
    return PRESET_LAYOUT if name == "dagre" else graph_layout(name)


#: The graph's elements, layout, caption and "Close opened groups" style of an analysis
#: (None: none yet) for a collapse.
FirstGraph = Callable[[SnapshotServices | None, str], tuple[list, dict, str, dict]]


#: How often a page asks whether the server has a newer analysis, while it watches files.
WATCH_POLL_MS = 1000
#: How often a page with the runtime overlay (``--live``) asks for the running app's calls.
LIVE_POLL_MS = 2000


def page(store: ProjectStore, first_graph: FirstGraph, follow: bool = False,
         live: bool = False, analyse: bool = True) -> html.Div:
    """The whole page for the current projects: the header, then the graph between its two
    collapsible side panels (controls left, findings and details right). ``first_graph``
    draws the default project's first view into the page itself when it is analysed, so the
    graph shows without waiting for a round trip or four of callbacks. Serving the page never
    starts an analysis (hosted mode would store it): until one is done the page comes without
    a drawing and the graph callback draws on load. ``follow``: the server re-analyses
    projects whose files change (``--watch``), and the page polls for the new analyses.
    ``live``: the runtime overlay is on (``--live``); the page polls for the app's calls.
    ``analyse``: "Analyse again" is offered (not in the live plugin's explorer, whose
    snapshot is the running app's own registrations: there is no probe to run again)."""
    # the default project's own collapse from the start: the first drawing of a large
    # project is its overview even before the URL's restore answers
    analysed = store.analysed(store.default())
    collapse = default_collapse(len(analysed.catalog.callbacks) if analysed else 0)
    drawing = first_graph(analysed, collapse)
    served = analysed is not None
    return html.Div([
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.URL_VIEW),
        dcc.Store(id=ids.URL_POPPED),
        dcc.Store(id=ids.SELECTION, data={"nodes": [], "finding": None}),
        dcc.Store(id=ids.EXPANDED, data=[]),
        dcc.Store(id=ids.SEARCH_MATCHES, data=[]),
        dcc.Store(id=ids.FOCUS_NODES, data=[]),
        dcc.Store(id=ids.REVISION, data=store.revision),
        dcc.Store(id=ids.GRAPH_SERVED, data=served),
        dcc.Store(id=ids.ANALYSIS_RESULT),
        dcc.Interval(id=ids.WATCH_POLL, interval=WATCH_POLL_MS, disabled=not follow),
        dcc.Interval(id=ids.LIVE_POLL, interval=LIVE_POLL_MS, disabled=not live),
        dcc.Store(id=ids.LIVE_STYLE, data=[]),
        dcc.Store(id=ids.LIVE_REVISION),
        dcc.Download(id=ids.DOWNLOAD),
        dcc.Store(id=ids.IMAGE_REQUEST),
        header(store, analyse),
        # The side panels are columns that collapse (a class on this row), not overlays: the
        # graph gets the space they give back, and nothing is ever drawn over it.
        html.Div(id=ids.PAGE_BODY, className="dce-body", children=[
            html.Div(controls(collapse), id=ids.CONTROLS_PANEL,
                     className="dce-side dce-controls"),
            graph_panel(drawing, live),
            html.Div(side_panel(), id=ids.SIDE_PANEL, className="dce-side dce-panels"),
        ]),
    ], className="dce-page")


def header(store: ProjectStore, analyse: bool = True) -> dbc.Navbar:
    names = store.names()
    # hidden, not left out: the analysis callbacks name these components
    shown = {} if analyse else {"display": "none"}
    return dbc.Navbar(dbc.Container([
        dbc.NavbarBrand("Dash Callback Explorer", className="me-3"),
        html.Div(dcc.Dropdown(
            id=ids.PROJECT_SELECT, options=[{"label": n, "value": n} for n in names],
            value=store.default(), clearable=False, searchable=len(names) > 8,
        ), style={"width": "20rem"}, className="me-2"),
        dbc.Button("Analyse again", id=ids.ANALYSE_BUTTON, color="primary", size="sm",
                   className="me-2 text-nowrap", style=shown),
        dbc.Button("Cancel", id=ids.CANCEL_BUTTON, color="secondary", size="sm",
                   outline=True, disabled=True, className="me-2", style=shown),
        dbc.Progress(id=ids.ANALYSIS_PROGRESS, value=0, label="", striped=True,
                     style={"width": "12rem", "height": "1.2rem", **shown}),
        # One line, cut short (the whole text in its title): the header never grows, so the
        # canvas below never moves. Written with set_props (callbacks/projects.py).
        html.Span(id=ids.JOB_NOTICE, className="small text-warning text-truncate ms-2",
                  style={"maxWidth": "28rem"}),
        search_box(),
    ], fluid=True, className="justify-content-start"),
        color="dark", dark=True, className="py-1 flex-none")


def search_box() -> html.Div:
    """Search in the header, reachable while the controls are collapsed; its results drop
    down over the page only while the box or a result has the focus (explorer.css)."""
    return html.Div([
        dbc.Input(id=ids.SEARCH_INPUT, type="search", debounce=0.3, size="sm",
                  placeholder="Search: component, property, function, file"),
        html.Div(id=ids.SEARCH_RESULTS, className="list-group dce-search-results"),
    ], className="dce-search ms-auto")


def _section(title: str, *children) -> html.Div:
    return html.Div([html.H6(title, className="text-uppercase text-muted small mt-3 mb-1"),
                     *children])


def controls(collapse: str = "none") -> html.Div:
    return html.Div([
        _section(
            "Filters",
            dcc.Dropdown(id=ids.FILTER_GROUP, multi=True, placeholder="pages / modules"),
            dcc.Dropdown(id=ids.FILTER_SEVERITY, multi=True, placeholder="severity",
                         options=list(SEVERITIES), className="mt-1"),
            dcc.Dropdown(id=ids.FILTER_RULE, multi=True, placeholder="rule", className="mt-1",
                         options=[{"label": f"{r.code} {r.name}" + (
                                       " (needs a run: --live)" if r.needs_run else
                                       "" if r.default else " (off by default)"),
                                   "value": r.code}
                                  for r in all_rules()]),
            dcc.Dropdown(id=ids.FILTER_KIND, multi=True, placeholder="callback kind",
                         options=list(CALLBACK_KINDS), className="mt-1"),
        ),
        _section(
            "Focus on selection",
            dbc.RadioItems(id=ids.FOCUS_DIRECTION, value="off", inline=True,
                           options=list(FOCUS_DIRECTIONS), className="small"),
            dbc.Row([
                dbc.Col(dcc.Slider(id=ids.FOCUS_DEPTH_SLIDER, min=1, max=MAX_DEPTH, step=1,
                                   value=1, marks=None, allow_direct_input=False,
                                   tooltip={"placement": "bottom"}), width=8),
                # No min/max/step: the browser would send an out-of-range or fractional
                # depth as null; the server clamps and rounds it and the slider follows.
                dbc.Col(dcc.Input(id=ids.FOCUS_DEPTH_INPUT, type="number", step="any",
                                  value=1, debounce=True,
                                  className="form-control form-control-sm"), width=4),
            ], className="g-1 align-items-center mt-1"),
            html.Div("hops", className="small text-muted"),
        ),
        _section(
            "View",
            dcc.Dropdown(id=ids.LAYOUT_SELECT, options=list(LAYOUTS), value=DEFAULT_LAYOUT,
                         clearable=False),
            dbc.RadioItems(id=ids.COLLAPSE_SELECT, value=collapse, inline=True,
                           options=[{"label": f"collapse: {m}" if m == "none" else m,
                                     "value": m} for m in COLLAPSE_MODES],
                           className="small mt-1"),
        ),
        compare_section(),
        _section("Export", export_scope(), export_buttons(), text_export_buttons(),
                 review_button()),
    ], className="pb-3")


def export_scope() -> dbc.RadioItems:
    """Whether PNG/SVG draw the whole graph (at full size) or only what the view shows."""
    return dbc.RadioItems(id=ids.EXPORT_SCOPE, value="whole", inline=True, className="small",
                          options=[{"label": "whole graph", "value": "whole"},
                                   {"label": "current view", "value": "view"}])


def export_buttons() -> dbc.ButtonGroup:
    """The graph as PNG/SVG, the snapshot as JSON, then one button per downloadable format."""
    buttons = [("PNG", ids.EXPORT_PNG), ("SVG", ids.EXPORT_SVG), ("JSON", ids.EXPORT_JSON)]
    buttons += [(output.label, {"type": ids.EXPORT_REPORT, "format": output.name})
                for output in downloadable_formats()]
    return dbc.ButtonGroup([
        dbc.Button(label, id=button_id, size="sm", color="secondary", outline=True)
        for label, button_id in buttons
    ], className="flex-wrap")


def text_export_buttons() -> html.Div:
    """The current view as Mermaid / DOT / GraphML / Cytoscape JSON; "every callback" skips
    the aggregated overview of a large graph."""
    labels = {"mermaid": "Mermaid", "dot": "DOT", "graphml": "GraphML", "cytoscape": "Cytoscape"}
    return html.Div([
        html.Span("View as text: ", className="small text-muted"),
        dbc.ButtonGroup([
            dbc.Button(label, id={"type": ids.EXPORT_TEXT, "format": name}, size="sm",
                       color="secondary", outline=True) for name, label in labels.items()
        ], className="flex-wrap"),
        dbc.Checklist(id=ids.EXPORT_TEXT_ALL, value=[], inline=True, className="small",
                      options=[{"label": "every callback (no aggregation)", "value": "all"}]),
    ], className="mt-1")


def graph_panel(drawing: tuple[list, dict, str, dict] | None = None,
                live: bool = False) -> html.Div:
    """The toolbar, the graph and the key: fixed-height strips around a canvas that takes
    the rest, so nothing appearing on the page ever moves the canvas under the pointer.
    ``drawing``: the graph's elements, layout, caption and reset style to start with;
    ``live``: a second strip under the key shows the runtime overlay's colours and status."""
    elements, layout, caption, reset = drawing or (
        [], drawn_layout(DEFAULT_LAYOUT), None, {"display": "none"})
    return html.Div(className="dce-main", children=[
        html.Div(className="dce-strip", children=[
            dbc.Button("☰ Controls", id=ids.TOGGLE_CONTROLS, size="sm", color="secondary",
                       outline=True, className="py-0 me-1", title="Show or hide the controls"),
            dbc.Button("Fit everything", id=ids.FIT_ALL, size="sm", color="secondary",
                       outline=True, className="py-0 me-1",
                       title="Zoom out until the whole graph is on screen"),
            *present_controls(),
            dbc.Button("Close opened groups", id=ids.OVERVIEW_RESET, size="sm",
                       color="secondary", outline=True, className="py-0 me-1", style=reset),
            html.Span(caption, id=ids.GRAPH_CAPTION, className="dce-caption small text-muted"),
            dbc.Button("Findings ▸", id=ids.TOGGLE_PANELS, size="sm", color="secondary",
                       outline=True, className="py-0 ms-auto",
                       title="Show or hide the findings, details and summary"),
        ]),
        html.Div(className="dce-canvas", **FRAMING_DATA, children=[
            cyto.Cytoscape(
                id=ids.GRAPH, elements=elements, layout=layout,
                stylesheet=list(BASE), minZoom=0.05, maxZoom=3, wheelSensitivity=0.3,
                # not responsive: dash-cytoscape's resize handler re-zooms to keep the old
                # margins, which undoes the legible zoom when a side panel opens or closes
                boxSelectionEnabled=False, responsive=False,
                style={"width": "100%", "height": "100%"},
                className="border rounded bg-white",
            ),
        ]),
        html.Div(id=ids.PRESENT_CAPTION, className="dce-present-caption"),
        html.Div(className="dce-strip dce-key", children=[
            legend(),
            # The status line sits in this fixed-height strip; an error alert floats above
            # it (see explorer.css): either way the canvas above does not move.
            html.Div(id=ids.STATUS, className="dce-status ms-auto"),
        ]),
        live_strip(live),
    ])


def present_controls() -> list:
    """Presentation mode: its button (key f), the hidden buttons its keys press, its state."""
    hidden = [html.Button(id=button, hidden=True) for button in
              (ids.PRESENT_NEXT, ids.PRESENT_PREV, ids.PRESENT_STOP)]
    return [dbc.Button("Present", id=ids.PRESENT_START, size="sm", color="secondary",
                       outline=True, className="py-0 me-1",
                       title="Full screen, one finding at a time (f; n / p step, Escape leaves)"),
            *hidden, dcc.Store(id=ids.PRESENT_STATE, data={"on": False, "index": 0, "items": []})]


def live_strip(shown: bool) -> html.Div:
    """The runtime overlay's key: fill by calls in this session, never-called dashed, and
    what the last fetch said (the app's numbers, or why there are none); in every page, so
    the overlay's callback always has its outputs, and hidden without ``--live``."""
    swatches = [html.Span(label, className="border rounded px-1 me-1",
                          style={"background": colour}) for _, colour, label in HEAT]
    never = html.Span("never called", className="rounded px-1 me-2",
                      style={"background": NEVER_CALLED["background-color"],
                             "border": f"1px dashed {NEVER_CALLED['border-color']}"})
    return html.Div(className="dce-strip dce-key", style=None if shown else {"display": "none"},
                    children=[
        html.Div([html.Span("live:", className="fw-bold me-1"), *swatches, never],
                 id=ids.LIVE_LEGEND, className="dce-legend"),
        html.Span("live: waiting for the first fetch", id=ids.LIVE_STATUS,
                  className="small text-muted text-truncate ms-2"),
    ])


#: What the graph's shapes and lines mean (the stylesheet draws them this way).
LEGEND = (
    ("server", "#cfe2ff", "solid"), ("clientside", "#fff3cd", "solid"),
    ("background", "#e0cffc", "double"), ("async", "#d1e7dd", "solid"),
)
EDGE_LEGEND = (("input", "—"), ("state", "- -"), ("output", "→"), ("set_props", "···"))


def legend() -> html.Div:
    """What the shapes and lines mean, in one line of the strip under the graph (never on it)."""
    swatches = [
        html.Span(name, className="border rounded px-1 me-1",
                  style={"background": colour, "borderStyle": border})
        for name, colour, border in LEGEND
    ]
    edges = [html.Span(f"{mark} {name}", className="me-2") for name, mark in EDGE_LEGEND]
    severities = [html.Span(name, className="me-1", style={"color": colour})
                  for name, colour in SEVERITY_COLOURS.items()]
    # the compare view's key first: the strip cuts its end off when narrow
    return html.Div([compare_legend(), *swatches, html.Span(className="me-2"), *edges, *severities],
                    id=ids.LEGEND, className="dce-legend")


def side_panel() -> html.Div:
    return html.Div([
        dbc.Card([
            dbc.CardHeader(html.Span(id=ids.FINDINGS_COUNT, children="Findings")),
            dbc.CardBody(html.Div(id=ids.FINDINGS_LIST), className="p-0",
                         style={"maxHeight": "36vh", "overflowY": "auto"}),
        ], className="mb-2"),
        dbc.Card([dbc.CardHeader("Details"), dbc.CardBody(
            html.Div(id=ids.DETAILS, children=html.P(
                "Select a callback, a component or a finding.", className="text-muted")))],
            className="mb-2"),
        dbc.Card([dbc.CardHeader("Summary"), dbc.CardBody([
            html.Div(id=ids.SUMMARY),
            # plotly.js (~1 s of parsing) loads when the first dcc.Graph mounts: the chart comes
            # after the callback graph, so it never delays the graph's first drawing
            html.Div(id=ids.SUMMARY_CHART_SLOT),
            dcc.Store(id=ids.SUMMARY_CHART_FOR),
            dcc.Store(id=ids.GRAPH_PAINTED),
        ])]),
    ])
