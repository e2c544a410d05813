"""The export buttons on the real app (Flask test client): one per downloadable registry
format, each sending what the CLI's render makes of the same findings."""

from __future__ import annotations

import json

import pytest
from snapshot_factory import callback, snapshot

from analysis.lint import lint
from analysis.reporters import FORMATS, Report, downloadable_formats, render
from explorer import ids
from explorer.app import create_app
from explorer.layout import export_buttons
from explorer.projects import Project, ProjectStore

SHOP = snapshot(callback(0, ["a.value"], ["b.value"]), callback(1, ["b.value"], ["a.value"]),
                callback(2, ["x.n_clicks"], ["t.children"]),
                callback(3, ["y.n_clicks"], ["t.children"]))
REPORT_FORMATS = [output.name for output in downloadable_formats()]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    store = ProjectStore([Project("shop", snapshot_file=str(folder / "shop.json"))],
                         folder / "results")
    store.preload("shop", SHOP)
    return create_app(store, cache_dir=folder).server.test_client()


def click(client, button: str | dict) -> dict:
    """POST the export callback as dash-renderer does when ``button`` is clicked; what it
    wrote with ``set_props`` (empty when it prevented the update)."""
    dependency = next(d for d in client.get("/_dash-dependencies").get_json()
                      if any(i["id"] == ids.EXPORT_PNG for i in d["inputs"]))
    plain = [{"id": i["id"], "property": "n_clicks", "value": 1 if i["id"] == button else None}
             for i in dependency["inputs"][:3]]
    shown = [{"id": {"format": name, "type": ids.EXPORT_REPORT}, "property": "n_clicks",
              "value": 1 if button == {"format": name, "type": ids.EXPORT_REPORT} else None}
             for name in REPORT_FORMATS]
    changed = button if isinstance(button, str) else json.dumps(button, sort_keys=True,
                                                               separators=(",", ":"))
    body = {"output": dependency["output"], "outputs": [], "inputs": [*plain, shown],
            "state": [{"id": ids.PROJECT_SELECT, "property": "value", "value": "shop"},
                      {"id": ids.EXPORT_SCOPE, "property": "value", "value": "whole"}],
            "changedPropIds": [f"{changed}.n_clicks"]}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204), response.get_data(as_text=True)[:500]
    return response.get_json()["sideUpdate"] if response.status_code == 200 else {}


def test_an_export_button_for_each_downloadable_format():
    labels = {button.id["format"]: button.children for button in export_buttons().children
              if isinstance(button.id, dict)}
    assert set(labels) == set(REPORT_FORMATS) and {"markdown", "sarif"} <= set(labels)
    assert labels == {name: FORMATS[name].label for name in REPORT_FORMATS}
    assert [b.id for b in export_buttons().children][:3] == [
        ids.EXPORT_PNG, ids.EXPORT_SVG, ids.EXPORT_JSON]


@pytest.mark.parametrize("name", REPORT_FORMATS)
def test_a_report_button_downloads_what_the_cli_renders(client, name):
    sent = click(client, {"type": ids.EXPORT_REPORT, "format": name})[ids.DOWNLOAD]["data"]
    expected = render(Report(SHOP, tuple(lint(SHOP)), title="shop"), name)
    assert sent["content"] == expected and "DASH001" in expected
    assert sent["filename"] == f"shop-report{FORMATS[name].suffix}"
    assert sent["type"] == FORMATS[name].media_type


def test_a_forged_format_downloads_nothing(client):
    assert click(client, {"type": ids.EXPORT_REPORT, "format": "xml"}) == {}
    assert click(client, {"type": ids.EXPORT_REPORT, "format": "text"}) == {}  # not offered


def test_the_snapshot_and_the_images_are_exported(client):
    sent = click(client, ids.EXPORT_JSON)[ids.DOWNLOAD]["data"]
    assert sent["content"] == SHOP.to_json() and sent["filename"] == "shop-snapshot.json"
    image = click(client, ids.EXPORT_SVG)[ids.IMAGE_REQUEST]["data"]["generateImage"]
    assert image == {"type": "svg", "action": "download", "filename": "shop-callbacks",
                     "options": {"full": True, "bg": "#ffffff"}}
