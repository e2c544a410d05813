"""DASH072 duplicate-component-id on the bad fixture app and on hand-made page layouts: which
ids, and where the finding points (the components, named with their types and sites)."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.findings import Finding
from analysis.lint import LintSettings, lint
from analysis.snapshot import Component, IdReference, Layout
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


def findings(layouts: tuple[Layout, ...], components: tuple[Component, ...], *callbacks,
             references: tuple[IdReference, ...] = ()) -> list[Finding]:
    """DASH072's findings on a snapshot of these layouts, components, callbacks and id
    references."""
    snap = snapshot_with_layout(*callbacks, layouts=layouts)
    return rule_findings("DASH072", dataclasses.replace(snap, components=components,
                                                        references=references))


def the_finding(layouts: tuple[Layout, ...], components: tuple[Component, ...],
                *callbacks, references: tuple[IdReference, ...] = ()) -> Finding:
    """DASH072's one finding on a snapshot of these layouts, components and callbacks."""
    (finding,) = findings(layouts, components, *callbacks, references=references)
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
    notify = server(0, "def notify(n):\n    return n", ["go.n_clicks"],
                    outputs=["toasts.sendNotifications"], file="docs/x.py")
    finding = the_finding(DOCS, components, notify)
    assert (finding.file, finding.line) == ("components/appshell.py", 70)
    assert finding.message == (
        "id 'toasts' is used by dmc.NotificationContainer (components/appshell.py:70) in the "
        "layout of app 'app:app' and by dmc.NotificationContainer (docs/drawer.py:7) in the "
        "layout of page 'docs.drawer', which is shown inside it (callbacks `notify` "
        "(docs/x.py:1) use it)")


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
    label = IdReference("styles", "htmlFor", "dash_html_components.Label", "Carousel")
    finding = the_finding(layouts, components, references=(label,))
    assert (finding.file, finding.line) == ("run.py", None)
    assert finding.message == ("id 'styles' is used by html.H2 ×2 in the layout of page "
                               "'Carousel' (html.Label(htmlFor='styles') points at it)")


def test_without_sites_heading_anchors_alone_stay_silent() -> None:
    """A live snapshot knows no creation sites, so it cannot tell a lone copied heading from a
    subtree placed twice, whose anchor-only copies the rule drops (pip-docs: 188 such findings
    live, none in the lint): unknown means silent. Made at two known places, it is reported."""
    layouts = (DOCS[0], page("Carousel", file="docs/carousel.py", duplicate_ids=("styles",)))
    toc = IdReference("styles", "href", "dash_html_components.A", "Carousel")
    unknown = (Component("styles", "dash_html_components.H2", "Carousel"),) * 2
    assert findings(layouts, unknown, references=(toc,)) == []
    known = tuple(Component("styles", "dash_html_components.H2", "Carousel",
                            file="docs/carousel.py", line=line) for line in (3, 9))
    assert len(findings(layouts, known, references=(toc,))) == 1


def test_dash_refuses_a_duplicate_only_in_app_layout() -> None:
    """Dash's own check (dash/_validate.py validate_layout) runs on ``app.layout`` at the first
    request; the same duplicate delivered by a callback is served without a word (the browser
    side is tests/browser/test_duplicate_ids.py)."""
    from dash import Dash, Input, Output, dcc, html
    from dash.exceptions import DuplicateIdError

    twins = [html.Div(id="twin"), html.Div(id="twin")]
    refused = Dash(__name__)
    refused.layout = html.Div(twins)
    refused.server.config["PROPAGATE_EXCEPTIONS"] = True
    with pytest.raises(DuplicateIdError, match="Duplicate component id found in the initial"):
        refused.server.test_client().get("/")

    routed = Dash(__name__, suppress_callback_exceptions=True)
    routed.layout = html.Div([dcc.Location(id="url"), html.Div(id="page")])
    routed.callback(Output("page", "children"), Input("url", "pathname"))(lambda _: twins)
    routed.server.config["PROPAGATE_EXCEPTIONS"] = True
    client = routed.server.test_client()
    assert client.get("/").status_code == 200
    body = {"output": "page.children", "outputs": {"id": "page", "property": "children"},
            "inputs": [{"id": "url", "property": "pathname", "value": "/"}],
            "changedPropIds": ["url.pathname"], "state": []}
    answer = client.post("/_dash-update-component", json=body)
    assert answer.status_code == 200 and answer.get_data(as_text=True).count('"twin"') == 2


TWIN_SPANS = (Component("basic-addon2", "dash_html_components.Span", "docs.drawer",
                        file="docs/drawer.py", line=20),
              Component("basic-addon2", "dash_html_components.Span", "docs.drawer",
                        file="docs/drawer.py", line=30))
PAGE_TWINS = (DOCS[0], dataclasses.replace(DOCS[1], duplicate_ids=("basic-addon2",)))


def test_a_duplicate_nothing_refers_to_in_a_page_is_not_reported() -> None:
    """dash-flightdeck's template icons: the page comes through a callback, Dash checks
    nothing there, and no callback, label or link reaches either copy."""
    assert findings(PAGE_TWINS, TWIN_SPANS) == []
    elsewhere = IdReference("basic-addon2", "aria-describedby", "dash_html_components.Input",
                            "docs.other")  # another page: never on screen with this one
    assert findings(PAGE_TWINS, TWIN_SPANS, references=(elsewhere,)) == []


def test_a_duplicate_a_label_points_at_is_reported_with_the_label() -> None:
    label = IdReference("basic-addon2", "htmlFor", "dash_html_components.Label",
                        "docs.drawer", file="docs/drawer.py", line=31)
    finding = the_finding(PAGE_TWINS, TWIN_SPANS, references=(label,))
    assert (finding.file, finding.line) == ("docs/drawer.py", 20)
    assert finding.message == (
        "id 'basic-addon2' is used by html.Span (docs/drawer.py:20) and html.Span "
        "(docs/drawer.py:30) in the layout of page 'docs.drawer' "
        "(html.Label(htmlFor='basic-addon2') (docs/drawer.py:31) points at it)")


def test_a_reference_in_the_app_layout_counts_for_a_page_shown_inside_it() -> None:
    described = IdReference("basic-addon2", "aria-describedby", "dash_html_components.Input",
                            "app")
    finding = the_finding(PAGE_TWINS, TWIN_SPANS, references=(described,))
    assert finding.message.endswith("(html.Input(aria-describedby='basic-addon2') points at it)")


def test_a_duplicate_a_callback_reads_or_set_props_writes_is_reported() -> None:
    reader = server(0, "def read(n):\n    return n", ["basic-addon2.n_clicks"])
    assert the_finding(PAGE_TWINS, TWIN_SPANS, reader).functions == ("app.read",)
    writer = server(1, """
        def write(n):
            set_props("basic-addon2", {"children": "!"})
        """, ["go.n_clicks"])
    assert the_finding(PAGE_TWINS, TWIN_SPANS, writer).functions == ("app.write",)


def test_a_duplicate_in_app_layout_is_reported_when_nothing_refers_to_it() -> None:
    layouts = (Layout("app", "app:app", file="run.py", duplicate_ids=("basic-addon2",)),)
    spans = tuple(dataclasses.replace(c, layout="app") for c in TWIN_SPANS)
    assert the_finding(layouts, spans).message == (
        "id 'basic-addon2' is used by html.Span (docs/drawer.py:20) and html.Span "
        "(docs/drawer.py:30) in the layout of app 'app:app'")


def test_a_pattern_id_duplicate_is_reported_and_a_validation_layout_never() -> None:
    row = {"type": "row", "index": 1}
    rows = (Component(row, "dash_html_components.Div", "docs.drawer"),) * 2
    layouts = (DOCS[0], dataclasses.replace(DOCS[1], duplicate_ids=('{"index":1,"type":"row"}',)))
    assert the_finding(layouts, rows).components == ('{"index":1,"type":"row"}',)
    validation = Layout("validation", "app:app", duplicate_ids=("basic-addon2",))
    spans = tuple(dataclasses.replace(c, layout="validation") for c in TWIN_SPANS)
    reader = server(0, "def read(n):\n    return n", ["basic-addon2.n_clicks"])
    assert findings((DOCS[0], validation), spans, reader) == []
