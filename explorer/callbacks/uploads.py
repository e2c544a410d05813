"""Snapshot uploads through the page (dcc.Upload): the API's validation, then the history."""

from __future__ import annotations

import base64
import binascii

from dash import Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from explorer import ids
from explorer.hosted.projects import HostedProjectStore, split_choice
from explorer.hosted.history import UploadRejected, parse_upload

SNAPSHOT_UPLOAD = "snapshot-upload"
UPLOAD_STATUS = "upload-status"


def upload_bar() -> html.Div:
    """The upload control and the line that says how the last upload went."""
    return html.Div([
        dcc.Upload(
            id=SNAPSHOT_UPLOAD, multiple=False, accept=".json,application/json",
            children=html.Span(["Upload a snapshot (", html.Code("--save-snapshot"),
                                " JSON) to the selected project"]),
            className="border rounded px-2 py-1 small text-muted d-inline-block",
            style={"cursor": "pointer", "borderStyle": "dashed"},
        ),
        html.Span(id=UPLOAD_STATUS, className="small ms-2"),
    ], className="px-3 mb-2")


def decode_contents(contents: str, max_bytes: int) -> bytes:
    """The file's bytes from dcc.Upload's data URL; UploadRejected when too large or garbled."""
    _, sep, encoded = contents.partition(";base64,")
    if not sep:
        raise UploadRejected(400, "the upload is not a file's contents; pick a JSON file")
    if len(encoded) * 3 // 4 > max_bytes + 3:  # refuse before decoding megabytes for nothing
        raise UploadRejected(413, f"the file is larger than the limit of {max_bytes} bytes")
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise UploadRejected(400, "the upload could not be decoded; pick the JSON file again") \
            from None


def store_upload(store: HostedProjectStore, contents: str, filename: str | None,
                 choice: str | None) -> tuple[html.Span, str | None, int] | None:
    """Validate an upload like the API, store it as the project's newest snapshot, and say
    how it went: the message, the project to show and the store's revision. None when no
    configured project is picked."""
    project = split_choice(choice)[0]
    if project not in store.names():
        return None  # the picker only offers configured projects
    name = filename or "the file"
    try:
        snapshot = parse_upload(decode_contents(contents, store.history.max_bytes),
                                store.history.max_bytes)
        entry, new = store.history.put(project, snapshot, source="upload")
    except UploadRejected as exc:
        message = html.Span(f"{name} was refused: {exc.message}", className="text-danger")
        return message, choice, store.revision
    store.state(project)  # follow the history to the new snapshot in this process
    if not new:
        message = html.Span(f"{name} is identical to {project}'s newest snapshot ({entry.when}"
                            f"): not stored again.", className="text-info")
        return message, project, store.revision
    message = html.Span(f"{name} stored as {project}'s newest snapshot ({entry.when}).",
                        className="text-success")
    return message, project, store.revision


def register(app: Dash, store: HostedProjectStore) -> None:
    @app.callback(
        Output(UPLOAD_STATUS, "children"),
        Output(ids.PROJECT_SELECT, "value", allow_duplicate=True),
        Output(ids.REVISION, "data", allow_duplicate=True),
        Input(SNAPSHOT_UPLOAD, "contents"),
        State(SNAPSHOT_UPLOAD, "filename"),
        State(ids.PROJECT_SELECT, "value"),
        prevent_initial_call=True,
    )
    def upload_snapshot(contents: str | None, filename: str | None, choice: str | None) -> tuple:
        """Validate like the API, store as the project's newest snapshot, and show it."""
        stored = store_upload(store, contents, filename, choice) if contents else None
        if stored is None:
            raise PreventUpdate
        return stored
