"""Hand-built snapshots for the unit tests of DASH060-DASH091 (rules_b)."""

from __future__ import annotations

import textwrap

from analysis.context import LintContext
from analysis.rules import get_rule
from analysis.snapshot import AppInfo, Callback, Component, Dependency, Layout, Snapshot

ALL, MATCH = ["ALL"], ["MATCH"]
TYPES = {
    "dash_core_components.Graph": ("id", "figure", "clickData", "selectedData", "style"),
    "dash_core_components.Checklist": ("id", "options", "value"),
    "dash_core_components.Dropdown": ("id", "options", "value", "multi"),
    "dash_html_components.Div": ("id", "children", "style", "n_clicks", "data-*", "aria-*"),
}


def server(index: int, source: str, inputs=(), states=(), outputs=("out.children",),
           **fields) -> Callback:
    """A server callback whose function name and arg grouping follow its source."""
    source = textwrap.dedent(source).strip("\n")
    name = source.split("def ", 1)[1].split("(", 1)[0]
    ins = tuple(dep(s) for s in inputs)
    sts = tuple(dep(s) for s in states)
    fields.setdefault("arg_grouping", list(range(len(ins) + len(sts))))
    fields.setdefault("function", f"app.{name}")
    return Callback(index=index, module="app", file="app.py",
                    line=10 * index + 1, source=source, inputs=ins, states=sts,
                    outputs=tuple(dep(s) for s in outputs), **fields)


def clientside(index: int, js: str, inputs=(), states=()) -> Callback:
    return Callback(index=index, function=f"clientside:inline.js{index}", kind="clientside",
                    file="app.py", line=10 * index + 1, js_source=js,
                    inputs=tuple(dep(s) for s in inputs), states=tuple(dep(s) for s in states),
                    outputs=(Dependency("out", "children"),))


def dep(spec) -> Dependency:
    if isinstance(spec, Dependency):
        return spec
    component, prop = spec.rsplit(".", 1)
    return Dependency(component, prop)


def snap(*callbacks: Callback, components=(), app: AppInfo | None = None,
         layouts: tuple[Layout, ...] | None = None) -> Snapshot:
    app = app or AppInfo("app:app", primary=True, use_async=True, async_available=True)
    layouts = layouts if layouts is not None else (Layout("app", app.name),)
    comps = tuple(Component(cid, kind, "app") for cid, kind in components)
    return Snapshot(target="app.py", root="/nonexistent", callbacks=callbacks, apps=(app,),
                    layouts=layouts, components=comps, component_types=TYPES)


def names(code: str, snapshot: Snapshot) -> list[str]:
    findings = list(get_rule(code).run(LintContext(snapshot)))
    return sorted(f.functions[0].rsplit(".", 1)[-1] for f in findings)

