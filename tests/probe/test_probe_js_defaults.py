"""The probe records the defaults a component type sets in its JavaScript, as its package
publishes them (metadata.json, else the generated docstring), literals only."""

from __future__ import annotations

import pytest

from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from paths import TARGETS


@pytest.fixture(scope="module")
def js_defaults() -> Snapshot:
    return snapshot_target(str(TARGETS / "js_defaults" / "app.py"))


def test_a_default_stated_only_in_the_docstring_is_recorded(js_defaults: Snapshot) -> None:
    """dash-bootstrap-components 2.x ships no metadata.json: its docstrings say it."""
    toast = js_defaults.component_defaults["dash_bootstrap_components.Toast"]
    assert toast["is_open"] is True and toast["n_dismiss"] == 0
    assert {c.id: c.initial for c in js_defaults.components}["toast"].get("is_open") is None


def test_dash_metadata_json_gives_literal_defaults_only(js_defaults: Snapshot) -> None:
    field = js_defaults.component_defaults["dash_core_components.Input"]
    assert field["n_submit"] == 0 and field["autoComplete"] == "off"  # a JS string 'off'
    assert "persistence_type" not in field  # PersistenceTypes.local: a constant, not a literal
    assert "type" not in field


def test_a_package_metadata_json_wins_and_only_plain_literals_are_kept(
        js_defaults: Snapshot) -> None:
    gauge = js_defaults.component_defaults["widgets.Gauge"]
    # level: metadata.json's 3, not the docstring's 5; mode is an expression, ticks a
    # non-empty list, colors computed, note too long, unknown_prop no prop of the class
    assert gauge == {"level": 3, "label": "dial", "shown": True}


def test_only_types_with_an_id_get_defaults(js_defaults: Snapshot) -> None:
    assert "dash_html_components.Span" in js_defaults.component_types
    assert "dash_html_components.Span" not in js_defaults.component_defaults
