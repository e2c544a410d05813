"""The live app's snapshot and findings, built in its own process by the probe's own code."""

from __future__ import annotations

import os
import sys
from typing import Any

from analysis.findings import Finding
from analysis.lint import lint
from analysis.probe import child
from analysis.runtime.evidence import with_run
from analysis.settings import LintSettings, project_settings
from analysis.snapshot import Snapshot

#: The helpers a live snapshot needs: the child's, then the reader of Dash's tables.
_LIVE_SIBLINGS = (*child.SIBLINGS, "registered")


def live_snapshot(app: Any) -> Snapshot:
    """What ``python -m analysis`` would report for this app, read from its registrations
    (the app is imported and its server set up, so no child process and no setup run)."""
    libs = child.load_siblings(_LIVE_SIBLINGS)
    name = str(app.config.get("name") or "app")
    module_file = getattr(sys.modules.get(name), "__file__", None)
    root = os.path.dirname(os.path.abspath(module_file)) if module_file else os.getcwd()
    notes: list[str] = [libs["registered"].LOST]

    def note(text: str) -> None:
        if text not in notes:
            notes.append(text)

    found = libs["apps"].FoundApp(instance=app, name="app", primary=True)
    body = child.assemble([found], libs["registered"].registrations(app, root), [app], root, root,
                          note, setup=False, notes=notes)
    return Snapshot.from_dict(child.stamp(body, f"live:{name}", root), origin="live app")


def settings_of(snapshot: Snapshot) -> LintSettings:
    """The app's lint settings as the command line reads them: its nearest pyproject.toml."""
    return project_settings(snapshot.root)


def findings_of(snapshot: Snapshot) -> list[Finding]:
    """The findings the command line reports for the app (its project's settings)."""
    return lint(snapshot, settings_of(snapshot))


def findings_now(plugin: Any) -> tuple[list[Finding], list[Finding]]:
    """The live snapshot's findings with the evidence of the calls recorded so far, and the
    runtime rules' findings of those calls (RUNTIME0xx), under the project's settings."""
    snapshot, findings = plugin.built()
    return with_run(snapshot, findings, plugin.calls.log(), settings_of(snapshot))
