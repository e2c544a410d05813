"""DASH072 duplicate-component-id on the bad fixture app and on hand-made page layouts: which
ids, and where the finding points (the components, named with their types and sites)."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.findings import Finding
from analysis.lint import LintSettings, lint
from analysis.snapshot import Component, Layout
from paths import APPS
from snapshot_factory import (
    BAD_APP, functions_per_finding, probed, rule_findings, server, snapshot_with_layout,
)


def test_bad_app_names_exactly_the_broken_callbacks() -> None:
    assert functions_per_finding(probed(BAD_APP), "DASH072") == [()]


def test_duplicate_id_finding_names_the_id() -> None:
    (finding,) = lint(probed(BAD_APP), LintSettings(select=("DASH072",)))
    assert finding.components == ("save",)


def test_duplicate_ids_per_layout_name_their_callbacks() -> None:
    layouts = (Layout("app", "app:app"), Layout("pages.a", "app:app", duplicate_ids=("save",)))
    user = server(0, "def saver(n):\n    return n", ["save.n_clicks"])
    (finding,) = rule_findings("DASH072", snapshot_with_layout(user, layouts=layouts))
    assert finding.functions == ("app.saver",) and finding.components == ("save",)


def test_bad_app_points_at_the_first_of_the_two_buttons() -> None:
    (finding,) = lint(probed(BAD_APP), LintSettings(select=("DASH072",)))
    source = (APPS / BAD_APP).read_text().splitlines()
    first, second = [n for n, line in enumerate(source, 1) if 'id="save")' in line]
    assert (finding.file, finding.line) == ("bad_app.py", first)
    assert finding.message.startswith(
        f"id 'save' is used by html.Button (bad_app.py:{first}) and html.Button "
        f"(bad_app.py:{second}) in the layout of app 'bad_app:app'")


def page(name: str, **fields) -> Layout:
    return Layout(name, "app:app", path=f"/{name}", **fields)


DOCS = (Layout("app", "app:app", file="run.py"), page("docs.drawer", file="docs/drawer.py"))


def the_finding(layouts: tuple[Layout, ...], components: tuple[Component, ...],
                *callbacks) -> Finding:
    """DASH072's one finding on a snapshot of these layouts, components and callbacks."""
    snap = snapshot_with_layout(*callbacks, layouts=layouts)
    (finding,) = rule_findings("DASH072", dataclasses.replace(snap, components=components))
    return finding


def test_the_finding_names_both_components_with_their_types_and_sites() -> None:
    components = (Component("drawer-stack", "dash_html_components.H2", "docs.drawer",
                            file="lib/markdown.py", line=13),
                  Component("drawer-stack", "dash_mantine_components.DrawerStack",
                            "docs.drawer", file="docs/drawer.py", line=14))
    user = server(0, "def control(n):\n    return n", ["drawer-stack.opened"], file="docs/x.py")
    layouts = (DOCS[0], dataclasses.replace(DOCS[1], duplicate_ids=("drawer-stack",)))
    finding = the_finding(layouts, components, user)
    assert (finding.file, finding.line) == ("lib/markdown.py", 13)
    assert finding.message == (
        "id 'drawer-stack' is used by html.H2 (lib/markdown.py:13) and dmc.DrawerStack "
        "(docs/drawer.py:14) in the layout of page 'docs.drawer' (callbacks `control` "
        "(docs/x.py:1) use it)")


def test_an_id_in_the_shell_and_a_page_names_each_side() -> None:
    components = (Component("toasts", "dash_mantine_components.NotificationContainer", "app",
                            file="components/appshell.py", line=70),
                  Component("toasts", "dash_mantine_components.NotificationContainer",
                            "docs.drawer", file="docs/drawer.py", line=7))
    finding = the_finding(DOCS, components)
    assert (finding.file, finding.line) == ("components/appshell.py", 70)
    assert finding.message == (
        "id 'toasts' is used by dmc.NotificationContainer (components/appshell.py:70) in the "
        "layout of app 'app:app' and by dmc.NotificationContainer (docs/drawer.py:7) in the "
        "layout of page 'docs.drawer', which is shown inside it")


def test_copies_from_one_site_are_counted_and_unknown_sites_leave_the_type() -> None:
    components = (*[Component("row", "dash_html_components.Div", "app", file="run.py",
                              line=5)] * 3,
                  Component("row", "dash_ag_grid.AgGrid", "app"))
    layouts = (Layout("app", "app:app", file="run.py", duplicate_ids=("row",)),)
    finding = the_finding(layouts, components)
    assert "is used by html.Div (run.py:5) ×3 and dag.AgGrid in the layout" in finding.message


@pytest.mark.parametrize("page_file", [None, "/home/me/site/docs/carousel.py"])
def test_without_sites_the_finding_never_points_at_nothing_or_outside(page_file) -> None:
    """An older snapshot, or a page whose module file is unknown or outside the root: the app's
    file, not an absolute path and not no file (the text report then printed the target)."""
    layouts = (DOCS[0], page("Carousel", file=page_file, duplicate_ids=("styles",)))
    components = (Component("styles", "dash_html_components.H2", "Carousel"),) * 2
    finding = the_finding(layouts, components)
    assert (finding.file, finding.line) == ("run.py", None)
    assert finding.message == ("id 'styles' is used by html.H2 ×2 in the layout of page "
                               "'Carousel'")
