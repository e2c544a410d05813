"""The snapshot API for CI: upload a project's snapshot, list projects, histories and diffs.

Every route needs ``Authorization: Bearer <token>`` with the server's token (DCE_API_TOKEN).
Statuses: 401 no token (or the API is disabled), 403 wrong token, 400 an invalid project name
or a body that is not JSON, 404 a project that is not configured, 413 a body over the size
limit, 422 JSON that is not a snapshot this version reads (an unknown schema_version
included: the request was well-formed, its content is what cannot be processed), 201 stored,
200 identical to the project's newest entry (``duplicate_of``: its id; nothing stored);
500 (JSON) a stored snapshot that no longer reads. JSON nested too deeply to read is a JSON
400 on every route of the app. ``GET .../diff`` answers analysis.diff's JSON (or Markdown) of
two stored entries: 404 an entry that is not there, 400 an unknown format.
"""

from __future__ import annotations

import hmac
from typing import Callable

from flask import Blueprint, Response, jsonify, request

from analysis.diff import render
from analysis.diff.compare import compare
from analysis.diff.model import Side
from analysis.errors import AnalysisError, SnapshotError
from explorer.hosted.projects_file import is_project_name
from explorer.hosted.history import HistoryEntry, SnapshotHistory, UploadRejected, parse_upload

API_PREFIX = "/api"
#: ``format=`` of the diff route -> (renderer, media type): the CLI's JSON and Markdown.
DIFF_FORMATS = {"json": (render.json_text, "application/json"),
                "markdown": (render.markdown, "text/markdown")}


def error(status: int, message: str) -> Response:
    """A JSON error body ``{"error": message}`` with the status."""
    response = jsonify({"error": message, "status": status})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="dash-callback-explorer"'
    return response


def snapshot_api(history: SnapshotHistory, project_names: Callable[[], list[str]],
                 token: str | None, side: Callable[[HistoryEntry], Side]) -> Blueprint:
    """The API over ``history`` for the configured projects; disabled (401) without a token.
    ``side``: a stored entry as a side of a diff, with its stored findings."""
    api = Blueprint("snapshot_api", __name__, url_prefix=API_PREFIX)

    @api.before_request
    def require_token() -> Response | None:
        if not token:
            return error(401, "the snapshot API is disabled; set DCE_API_TOKEN on the server")
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            return error(401, "missing bearer token; send 'Authorization: Bearer <token>'")
        if not hmac.compare_digest(given.strip().encode(), token.encode()):
            return error(403, "wrong token")
        return None

    def check_project(name: str) -> Response | None:
        # Routes take ``<path:name>`` so that an encoded slash (``..%2F..``) reaches this check
        # and is refused as a bad name rather than falling through to Dash's page routes.
        if not is_project_name(name):
            return error(400, "invalid project name; names are 1-64 letters, digits, '-', '_'")
        if name not in project_names():
            return error(404, f"unknown project {name!r}; configured: "
                              f"{', '.join(project_names())}")
        return None

    # App-wide, not only the API's routes: Dash's callback route parses its body with the
    # standard library, which meets JSON nested past the recursion limit with a
    # RecursionError, and Flask would answer a 500 HTML page.
    @api.app_errorhandler(RecursionError)
    def too_deep(_: RecursionError) -> Response:
        return error(400, "the request's JSON is nested too deeply to read")

    def described(entry: HistoryEntry) -> dict:
        """An entry as the API lists it: with ``change``, its change against the entry
        before it as kept at its upload (None: kept none, as for older entries)."""
        return {**entry.to_dict(), "change": history.meta(entry).get("change")}

    @api.get("/projects")
    def list_projects() -> Response:
        return jsonify({"projects": [
            {"name": name, "snapshots": len(history.entries(name)),
             "newest": (described(newest) if (newest := history.newest(name)) else None)}
            for name in project_names()
        ]})

    @api.get("/projects/<path:name>/snapshots")
    def list_snapshots(name: str) -> Response:
        refused = check_project(name)
        if refused is not None:
            return refused
        return jsonify({"project": name,
                        "snapshots": [described(e) for e in history.entries(name)]})

    @api.post("/projects/<path:name>/snapshots")
    def upload_snapshot(name: str) -> Response:
        refused = check_project(name)
        if refused is not None:
            return refused
        limit = history.max_bytes
        if request.content_length is not None and request.content_length > limit:
            return error(413, f"body is {request.content_length} bytes; the limit is {limit} "
                              f"(set DCE_MAX_UPLOAD_MB on the server to raise it)")
        body = request.stream.read(limit + 1)  # chunked bodies have no Content-Length
        try:
            snapshot = parse_upload(body, limit)
            entry, new = history.put(name, snapshot, source="ci")
        except UploadRejected as exc:
            return error(exc.status, exc.message)
        # Identical to the newest entry (only per-run fields differ): nothing was created,
        # and CI is told which entry it already is.
        response = jsonify(described(entry) if new
                           else {**described(entry), "duplicate_of": entry.id})
        response.status_code = 201 if new else 200
        response.headers["Location"] = f"{API_PREFIX}/projects/{name}/snapshots/{entry.id}"
        return response

    @api.get("/projects/<path:name>/diff")
    def diff_entries(name: str) -> Response:
        """``?base=<id>&head=<id>&format=json|markdown``: head defaults to the newest entry,
        base to the one stored before head."""
        refused = check_project(name)
        if refused is not None:
            return refused
        form = request.args.get("format") or "json"
        if form not in DIFF_FORMATS:
            return error(400, f"unknown format {form!r}; use json or markdown")
        listed = f"GET {API_PREFIX}/projects/{name}/snapshots lists them"
        entries = history.entries(name)
        head_id = request.args.get("head") or (entries[0].id if entries else "")
        head = history.get(name, head_id)
        if head is None:
            return error(404, f"project {name!r} has no snapshot {head_id!r}; {listed}"
                         if head_id else f"project {name!r} has no snapshot yet; upload one")
        base_id = request.args.get("base") or next(
            (e.id for e in entries if e.id < head.id), None)
        if base_id is None:
            return error(404, f"snapshot {head.id!r} is the oldest of {name!r}: nothing before "
                              f"it to compare with; pass base=<id> ({listed})")
        base = history.get(name, base_id)
        if base is None:
            return error(404, f"project {name!r} has no snapshot {base_id!r}; {listed}")
        try:
            diff = compare(side(base), side(head))
        except AnalysisError as exc:  # a stored file that breaks the contract, bad settings
            return error(500, f"project {name!r} cannot be compared: {exc.message}")
        renderer, mimetype = DIFF_FORMATS[form]
        return Response(renderer(diff), mimetype=mimetype)

    @api.route("/<path:rest>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    def unknown_route(rest: str) -> Response:
        return error(404, f"no API route {API_PREFIX}/{rest}")

    @api.get("/projects/<path:name>/snapshots/<entry_id>")
    def get_snapshot(name: str, entry_id: str) -> Response:
        refused = check_project(name)
        if refused is not None:
            return refused
        entry = history.get(name, entry_id)
        if entry is None:
            return error(404, f"project {name!r} has no snapshot {entry_id!r}")
        try:
            snapshot = history.load(name, entry_id)
        except SnapshotError as exc:  # a stored file that breaks the contract: the server's fault
            return error(500, f"stored snapshot {entry_id!r} cannot be read: {exc.message}")
        return Response(snapshot.to_json(), mimetype="application/json")

    return api
