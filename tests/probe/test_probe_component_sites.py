"""Where the project created each component with an id (``Component.file``/``line``): its own
line, never a library's or an absolute path; Dash's JSON and repr of components unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot, id_to_str
from paths import REPO, TARGETS

PROJECT = TARGETS / "component_sites" / "project"


@pytest.fixture(scope="module")
def sites() -> Snapshot:
    return snapshot_target(str(PROJECT / "app.py"))


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def site(snapshot: Snapshot, component_id: str) -> tuple[str | None, int | None]:
    (component,) = [c for c in snapshot.components
                    if c.layout == "app" and c.id_str == component_id]
    return component.file, component.line


def test_a_component_made_in_the_project_is_placed_at_its_line(sites: Snapshot) -> None:
    app = PROJECT / "app.py"
    assert site(sites, "title") == ("app.py", line_of(app, 'id="title"'))
    assert site(sites, id_to_str({"type": "chart", "index": 1})) == (
        "app.py", line_of(app, "dcc.Graph("))


def test_a_project_helper_is_placed_at_the_helper(sites: Snapshot) -> None:
    assert site(sites, "helper-card") == ("widgets.py", line_of(PROJECT / "widgets.py",
                                                                "html.Div("))


def test_code_outside_the_project_is_placed_at_the_project_line_that_called_it(
        sites: Snapshot) -> None:
    assert site(sites, "shared-card") == ("app.py", line_of(PROJECT / "app.py",
                                                            'outside.card("shared-card")'))


def test_a_component_made_where_the_project_never_ran_has_no_site(sites: Snapshot) -> None:
    assert site(sites, "shared-banner") == (None, None)  # at import of a module outside
    assert all(not c.file or not Path(c.file).is_absolute() for c in sites.components)


def test_dash_sees_the_same_components_with_the_probe_installed(tmp_path: Path) -> None:
    """Dash's JSON (what the browser gets), repr and equality of components, and the
    signature Dash and pydantic read, are what they are without the probe."""
    script = tmp_path / "check.py"
    script.write_text(f"""
import inspect, json, sys
sys.path.insert(0, {str(REPO)!r})
from analysis.probe import child
import dash, plotly
from dash import dcc, html
from dash.development.base_component import Component

def build():
    title = html.H3("x", id="a", **{{"data-x": 1, "aria-label": "t"}})
    return html.Div([title, title, dcc.Graph(id={{"type": "g", "index": 1}})], id="root")

def seen(layout):
    return [json.dumps(layout, cls=plotly.utils.PlotlyJSONEncoder, sort_keys=True),
            repr(layout), layout == build(), layout.children[0] == layout.children[1],
            str(inspect.signature(Component.__init__))]

plain = seen(build())
child.load_sibling("guard")
capture = child.load_sibling("capture")
capture.Recorder(root={str(tmp_path)!r}).install()
probed = build()
print(json.dumps([plain == seen(probed), getattr(probed.children[0], capture.SITE_ATTR)]))
""")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [True, ["check.py", 10]]


def test_attributes_naming_an_id_are_recorded_where_they_were_made() -> None:
    snapshot = snapshot_target(str(TARGETS / "id_references" / "app.py"))
    assert [(r.id, r.attribute, r.type.rpartition(".")[2], r.layout, r.file, r.line)
            for r in snapshot.references] == [
        ("email", "htmlFor", "Label", "app", "app.py", 7),
        ("email", "aria-describedby", "Span", "app", "app.py", 9),  # IDREFS: split on spaces
        ("help", "aria-describedby", "Span", "app", "app.py", 9),
        ("top", "href", "A", "app", "app.py", 10),  # "#" alone and a URL name no id
    ]
