"""The compare view's wiring: its controls and legend shown in a comparison, the review export."""

from __future__ import annotations

from dash import Dash, Input, Output, State, dcc, set_props
from dash.exceptions import PreventUpdate

from explorer import ids
from explorer.comparisons import comparison_of
from explorer.panels.compare import HIDDEN, review_download
from explorer.projects import ProjectStore
from explorer.view.compare import Comparison


def compare_parts(comparison: Comparison | None) -> tuple[dict, str, dict, dict]:
    """The compare section's style and title, the legend's and the review button's styles."""
    if comparison is None:
        return HIDDEN, "", HIDDEN, HIDDEN
    diff = comparison.diff
    return {}, f"{diff.base.label} → {diff.head.label}", {}, {}


def register(app: Dash, store: ProjectStore) -> None:
    @app.callback(
        Output(ids.COMPARE_CONTROLS, "style"),
        Output(ids.COMPARE_TITLE, "children"),
        Output(ids.COMPARE_LEGEND, "style"),
        Output(ids.EXPORT_REVIEW, "style"),
        Input(ids.PROJECT_SELECT, "value"),
        Input(ids.REVISION, "data"),
    )
    def show_compare(project: str | None, revision: int | None) -> tuple[dict, str, dict, dict]:
        return compare_parts(store.answer(project, comparison_of, None))

    @app.callback(
        Input(ids.EXPORT_REVIEW, "n_clicks"),
        State(ids.PROJECT_SELECT, "value"),
        prevent_initial_call=True,
    )
    def export_review(clicks: int | None, project: str | None) -> None:
        comparison = store.answer(project, comparison_of, None)
        if comparison is None:
            raise PreventUpdate
        file = review_download(comparison)
        set_props(ids.DOWNLOAD, {"data": dcc.send_string(file.content, file.filename,
                                                          type=file.media_type)})
