"""Exports: the graph as PNG/SVG (drawn by the browser), the analysis as JSON, Markdown, SARIF."""

from __future__ import annotations

from dash import Dash, Input, State, ctx, dcc, set_props
from dash.exceptions import PreventUpdate

from explorer import ids
from explorer.panels.exports import markdown_report, sarif_report, snapshot_json
from explorer.projects import ProjectStore

IMAGES = {ids.EXPORT_PNG: "png", ids.EXPORT_SVG: "svg"}


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(
        Input(ids.EXPORT_PNG, "n_clicks"),
        Input(ids.EXPORT_SVG, "n_clicks"),
        Input(ids.EXPORT_JSON, "n_clicks"),
        Input(ids.EXPORT_MARKDOWN, "n_clicks"),
        Input(ids.EXPORT_SARIF, "n_clicks"),
        State(ids.PROJECT_SELECT, "value"),
        prevent_initial_call=True,
    )
    def export(
        png: int | None, svg: int | None, json_clicks: int | None, markdown: int | None,
        sarif: int | None, project: str | None,
    ) -> None:
        """No Output: images are drawn by the graph in the browser, files go through the
        download, so each button writes only what it needs with ``set_props``."""
        trigger = ctx.triggered_id
        services = store.services(project)
        if services is None:
            raise PreventUpdate
        if trigger in IMAGES:
            set_props(ids.GRAPH, {"generateImage": {
                "type": IMAGES[trigger], "action": "download", "filename": f"{project}-callbacks",
            }})
        elif trigger == ids.EXPORT_JSON:
            set_props(ids.DOWNLOAD, {"data": dcc.send_string(
                snapshot_json(services), f"{project}-snapshot.json", type="application/json")})
        elif trigger == ids.EXPORT_MARKDOWN:
            set_props(ids.DOWNLOAD, {"data": dcc.send_string(
                markdown_report(services, project), f"{project}-report.md", type="text/markdown")})
        elif trigger == ids.EXPORT_SARIF:
            set_props(ids.DOWNLOAD, {"data": dcc.send_string(
                sarif_report(services), f"{project}.sarif", type="application/sarif+json")})
