"""Snapshots for tests: hand-made ones (callbacks, apps, layouts), the probe's of the fixture apps."""

from __future__ import annotations

import dataclasses
import textwrap
from functools import lru_cache

from analysis.context import LintContext
from analysis.diff.model import Side
from analysis.findings import Finding, fingerprints
from analysis.lint import lint
from analysis.rules import get_rule
from analysis.snapshot import AppInfo, Callback, Component, Dependency, Layout, Snapshot
from paths import APPS

MATCH, ALL, ALLSMALLER = ["MATCH"], ["ALL"], ["ALLSMALLER"]
#: Fixture apps by what they exercise (under tests/apps/).
OUTPUTS_AND_CYCLES = APPS / "outputs_and_cycles"  # who writes a property; loops (DASH001, DASH040)
RUNTIME = APPS / "runtime"  # initial calls, triggers, returns, keys, set_props (DASH002-DASH051)
IDS_AND_SIGNATURES = APPS / "ids_and_signatures"  # async, caches, ids, props, signatures (DASH060+)
#: The app (under tests/apps/) whose every callback breaks one practice of DASH060-DASH091.
BAD_APP = "ids_and_signatures/bad_app.py"
#: The props of the component types hand-made layouts use.
TYPES = {
    "dash_core_components.Graph": ("id", "figure", "clickData", "selectedData", "style"),
    "dash_core_components.Checklist": ("id", "options", "value"),
    "dash_core_components.Dropdown": ("id", "options", "value", "multi"),
    "dash_html_components.Div": ("id", "children", "style", "n_clicks", "data-*", "aria-*"),
}
#: A layout's (id, type) pairs: a multi-value Checklist, a single-value Dropdown, a Graph.
COMPONENTS = [("regions", "dash_core_components.Checklist"),
              ("year", "dash_core_components.Dropdown"), ("chart", "dash_core_components.Graph")]


def dep(spec: str | tuple | Dependency, allow_duplicate: bool = False) -> Dependency:
    """``"id.prop"`` or ``(dict_id, "prop")`` as a Dependency (a Dependency stays as it is)."""
    if isinstance(spec, Dependency):
        return spec
    if isinstance(spec, tuple):
        return Dependency(spec[0], spec[1], allow_duplicate=allow_duplicate)
    component, prop = spec.rsplit(".", 1)
    return Dependency(component, prop, allow_duplicate=allow_duplicate)


def callback(index: int, inputs=(), outputs=(), states=(), dup=(), **fields) -> Callback:
    """A server callback ``app.cb<index>`` at ``app.py:<10*index+1>``; ``dup`` lists the
    outputs that carry ``allow_duplicate=True``."""
    fields.setdefault("function", f"app.cb{index}")
    fields.setdefault("file", "app.py")
    fields.setdefault("line", 10 * index + 1)
    return Callback(
        index=index,
        inputs=tuple(dep(s) for s in inputs),
        states=tuple(dep(s) for s in states),
        outputs=tuple(dep(s) for s in outputs) + tuple(dep(s, allow_duplicate=True) for s in dup),
        **fields,
    )


def server(index: int, source: str, inputs=(), states=(), outputs=("out.children",),
           **fields) -> Callback:
    """A server callback whose function name and arg grouping follow its source."""
    source = textwrap.dedent(source).strip("\n")
    name = source.split("def ", 1)[1].split("(", 1)[0]
    fields.setdefault("arg_grouping", list(range(len(inputs) + len(states))))
    fields.setdefault("function", f"app.{name}")
    return callback(index, inputs, outputs, states, module="app", source=source, **fields)


def clientside(index: int, js: str, inputs=(), states=()) -> Callback:
    """An inline clientside callback writing ``out.children``."""
    return callback(index, inputs, ["out.children"], states, kind="clientside", js_source=js,
                    function=f"clientside:inline.js{index}")


def snapshot(*callbacks: Callback, apps=("app:app",), **fields) -> Snapshot:
    """A snapshot of callbacks only (no layouts); the first app (a name or an AppInfo) is primary."""
    infos = tuple(a if isinstance(a, AppInfo) else AppInfo(a, primary=(i == 0))
                  for i, a in enumerate(apps))
    return Snapshot(target="app.py", root=".", callbacks=callbacks, apps=infos, **fields)


def snapshot_with_layout(*callbacks: Callback, components=(), app: AppInfo | None = None,
                         layouts: tuple[Layout, ...] | None = None) -> Snapshot:
    """A snapshot of one (async-capable) app whose layout holds ``components`` (id, type)."""
    app = app or AppInfo("app:app", primary=True, use_async=True, async_available=True)
    layouts = layouts if layouts is not None else (Layout("app", app.name),)
    comps = tuple(Component(cid, kind, "app") for cid, kind in components)
    return Snapshot(target="app.py", root="/nonexistent", callbacks=callbacks, apps=(app,),
                    layouts=layouts, components=comps, component_types=TYPES)


def with_app(snap: Snapshot, **changes) -> Snapshot:
    """The snapshot with its (single) app's settings changed."""
    (app,) = snap.apps
    return dataclasses.replace(snap, apps=(dataclasses.replace(app, **changes),))


def without_app_settings(snap: Snapshot) -> Snapshot:
    """The same snapshot with every app's prevent_initial_callbacks and suppress flag off."""
    apps = tuple(
        dataclasses.replace(a, prevent_initial_callbacks=False, suppress_callback_exceptions=False)
        for a in snap.apps
    )
    return dataclasses.replace(snap, apps=apps)


@lru_cache(maxsize=None)
def probed(app: str) -> Snapshot:
    """The real probe's snapshot of ``tests/apps/<app>``, run once per test session (tests of
    several modules share it)."""
    from analysis.probe.runner import snapshot_target

    return snapshot_target(str(APPS / app))


@lru_cache(maxsize=None)
def probed_findings(app: str) -> list[Finding]:
    """Every rule's findings (opt-in rules too) on ``tests/apps/<app>``, linted once per test
    session."""
    from analysis.lint import LintSettings, lint

    return lint(probed(app), LintSettings(select=("ALL",)))


def lint_codes(snap: Snapshot, *codes: str) -> list:
    """The findings of the given rules only (other rules' findings are not these tests' job)."""
    from analysis.lint import LintSettings, lint

    return lint(snap, LintSettings(select=codes))


def rule_findings(code: str, snap: Snapshot) -> list[Finding]:
    """One rule's check run on the snapshot as it is (no lint settings, no noqa)."""
    return list(get_rule(code).run(LintContext(snap)))


def reported_names(code: str, snap: Snapshot) -> list[str]:
    """The short name of the first function of each finding of one rule's check, sorted."""
    return sorted(f.functions[0].rsplit(".", 1)[-1] for f in rule_findings(code, snap))


def flagged(findings: list[Finding], code: str) -> set[str]:
    """Short names of the functions a code reports (first function of each finding)."""
    return {f.functions[0].rsplit(".", 1)[-1] for f in findings if f.code == code}


def functions_per_finding(snap: Snapshot, code: str) -> list[tuple[str, ...]]:
    """The short function names of each finding of one rule (linted alone), sorted."""
    findings = lint_codes(snap, code)
    assert all(f.code == code for f in findings)
    return sorted(tuple(name.rsplit(".", 1)[-1] for name in f.functions) for f in findings)


def diff_side(*callbacks: Callback, label: str = "side", **fields) -> Side:
    """One version of a diff: a snapshot of ``callbacks``, linted, its findings fingerprinted."""
    snap = snapshot(*callbacks, **fields)
    findings = tuple(lint(snap))
    return Side(label, snap, findings, tuple(fingerprints(findings, snap)))
