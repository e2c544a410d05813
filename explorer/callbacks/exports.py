"""Exports: the graph as PNG/SVG (drawn by the browser), the snapshot JSON, the report formats."""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, State, ctx, dcc, set_props
from dash.exceptions import PreventUpdate

from analysis.errors import ConfigError
from explorer import ids
from explorer.panels.exports import report_download, snapshot_download
from explorer.projects import ProjectStore

IMAGES = {ids.EXPORT_PNG: "png", ids.EXPORT_SVG: "svg"}
#: Chromium refuses canvases beyond 16,384 px a side; cytoscape scales a larger PNG down.
MAX_IMAGE_SIDE = 16000

#: Hands an image request to the graph; an SVG only once dash-cytoscape's extra bundle (which
#: brings cytoscape's SVG export) is loaded, see assets/cytoscape_extras.js.
DRAW_IMAGE = """
async function(stored) {
    const request = stored && stored.generateImage;
    if (!request) { return window.dash_clientside.no_update; }
    if (request.type === "svg") { await window.dceCytoscapeExtras.load(); }
    return request;
}
"""


def image_request(kind: str, project: str | None, scope: str | None) -> dict:
    """dash-cytoscape's ``generateImage`` for a PNG/SVG download: the whole graph (``full``)
    unless the user chose the current view, on white (a transparent image is unreadable in
    dark viewers and slides), a PNG at twice the size so that labels stay sharp.

    >>> image_request("png", "demo", "whole")["options"]
    {'full': True, 'bg': '#ffffff', 'scale': 2, 'maxWidth': 16000, 'maxHeight': 16000}
    >>> image_request("svg", "demo", "view")["options"]
    {'full': False, 'bg': '#ffffff'}
    """
    options: dict = {"full": scope != "view", "bg": "#ffffff"}
    if kind == "png":
        options.update(scale=2, maxWidth=MAX_IMAGE_SIDE, maxHeight=MAX_IMAGE_SIDE)
    return {"type": kind, "action": "download", "filename": f"{project}-callbacks",
            "options": options}


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(
        Input(ids.EXPORT_PNG, "n_clicks"),
        Input(ids.EXPORT_SVG, "n_clicks"),
        Input(ids.EXPORT_JSON, "n_clicks"),
        Input({"type": ids.EXPORT_REPORT, "format": ALL}, "n_clicks"),
        State(ids.PROJECT_SELECT, "value"),
        State(ids.EXPORT_SCOPE, "value"),
        prevent_initial_call=True,
    )
    def export(
        png: int | None, svg: int | None, snapshot_clicks: int | None,
        report_clicks: list[int | None], project: str | None, scope: str | None,
    ) -> None:
        """No Output: images are drawn by the graph in the browser, files go through the
        download, so each button writes only what it needs with ``set_props``. A report
        button's id names its format (one button per downloadable registry format)."""
        trigger = ctx.triggered_id
        services = store.services(project)
        if services is None:
            raise PreventUpdate
        if isinstance(trigger, str) and trigger in IMAGES:
            # with the button's click count: the same request again is a new value, so it
            # reaches the graph again
            clicks = png if trigger == ids.EXPORT_PNG else svg
            request = image_request(IMAGES[trigger], project, scope)
            set_props(ids.IMAGE_REQUEST, {"data": {"generateImage": request, "click": clicks}})
            return
        try:
            file = (snapshot_download(services, project) if trigger == ids.EXPORT_JSON
                    else report_download(services, project, trigger["format"]))
        except ConfigError:  # a forged button id naming no downloadable format
            raise PreventUpdate from None
        set_props(ids.DOWNLOAD, {"data": dcc.send_string(file.content, file.filename,
                                                          type=file.media_type)})

    app.clientside_callback(
        DRAW_IMAGE,
        Output(ids.GRAPH, "generateImage"),
        Input(ids.IMAGE_REQUEST, "data"),
        prevent_initial_call=True,
    )
