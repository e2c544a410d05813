"""The live plugin's plain page: the running app's findings, and links to the explorer on it."""

from __future__ import annotations

from html import escape
from typing import Any, Sequence

from analysis.findings import Finding
from analysis.snapshot import Snapshot


def _row(finding: Finding) -> str:
    """A finding as a table row; the run's evidence lines under its message."""
    evidence = "".join(f"<br><small>&#9654; {escape(line)}</small>" for line in finding.evidence)
    return (f"<tr><td>{escape(finding.code)}</td><td>{escape(finding.severity)}</td>"
            f"<td>{escape(finding.message)}{evidence}</td>"
            f"<td>{escape(', '.join(finding.functions))}</td></tr>")


def render(plugin: Any, snapshot: Snapshot, findings: list[Finding],
           runtime: Sequence[Finding] = ()) -> str:
    """A self-contained page (no script): findings of the live snapshot (with the evidence
    of the recorded calls), the runtime rules' findings of those calls, the count, links (the
    explorer on this app among them: this page is its no-JavaScript fallback)."""
    log = plugin.calls.log()
    findings = [*findings, *runtime]
    rows = "".join(_row(f) for f in findings)
    calls_url, snapshot_url = plugin.url("calls"), plugin.url("snapshot")
    explorer_url = plugin.url("explorer/")
    app_path = escape(plugin.app.config.requests_pathname_prefix)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Callback Explorer: live {escape(log.app)}</title>
<style>body{{font:14px system-ui,sans-serif;margin:2em;max-width:70em}}td,th{{text-align:left;
padding:.2em .6em;vertical-align:top}}tr:nth-child(even){{background:#f3f3f3}}
code{{background:#eee}}</style>
</head><body>
<h1>Callback Explorer: live <code>{escape(log.app)}</code></h1>
<p id="dce-live-summary"><b id="dce-live-finding-count">{len(findings)}</b> finding(s) over
{len(snapshot.callbacks)} callback(s), <span id="dce-live-runtime-count">{len(runtime)}</span> of
them from the recorded calls; <b id="dce-live-call-count">{len(log.calls)}</b> callback
request(s) recorded since the server started (newest {log.capacity} kept, {log.dropped} dropped).</p>
<p>Data: <a href="{escape(calls_url)}">calls</a> (JSON, each callback request) ·
<a href="{escape(snapshot_url)}">snapshot</a> (JSON, what <code>python -m analysis</code> reads).
Nothing leaves this process: these routes answer only who can reach the app.</p>
<p>The graph with what the callbacks did: <a id="dce-live-explorer-link"
href="{escape(explorer_url)}">open the explorer on this app</a> (its runtime overlay
follows the calls as they come), or from outside: <code>python app.py TARGET --live
http://HOST:PORT{app_path}</code> (this app's address).</p>
<table><thead><tr><th>code</th><th>severity</th><th>message</th><th>callbacks</th></tr></thead>
<tbody>{rows or '<tr><td colspan="4">All checks passed</td></tr>'}</tbody></table>
</body></html>"""
