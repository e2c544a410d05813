"""Hosted projects lint every snapshot, CI's and uploaded ones too, with the settings of the
configured target's pyproject.toml, never with anything a snapshot's paths point at."""

from __future__ import annotations

import dataclasses

from snapshot_factory import callback, snapshot

from explorer.hosted.server import HostedSettings, build_store
from hosted_support import write_projects

SECTION = "[tool.dash-callback-explorer]\n"
#: DASH001 (two writers of t.children) and DASH040 (a cycle).
UPLOADED = snapshot(callback(0, ["a.value"], ["b.value"]), callback(1, ["b.value"], ["a.value"]),
                    callback(2, ["x.n_clicks"], ["t.children"]),
                    callback(3, ["y.n_clicks"], ["t.children"]))


def test_uploads_are_linted_with_the_configured_project_settings(tmp_path):
    project = tmp_path / "shop"
    project.mkdir()
    (project / "app.py").write_text("")
    (project / "pyproject.toml").write_text(SECTION + 'ignore = ["DASH040"]\n')
    elsewhere = tmp_path / "elsewhere"  # where the uploaded snapshot says its project was
    elsewhere.mkdir()
    (elsewhere / "pyproject.toml").write_text(SECTION + 'ignore = ["DASH001"]\n')
    uploaded = dataclasses.replace(UPLOADED, root=str(elsewhere),
                                   target=str(elsewhere / "app.py"))
    store = build_store(HostedSettings(config=write_projects(tmp_path, shop=str(project)),
                                       data_dir=tmp_path / "data"))
    first = store.history.add("shop", uploaded, source="ci")
    assert [f.code for f in store.services("shop").findings] == ["DASH001"]
    store.history.add("shop", dataclasses.replace(uploaded, notes=("2nd",)), source="upload")
    assert [f.code for f in store.services("shop").findings] == ["DASH001"]
    older = store.services(f"shop@{first.id}")
    assert older is not None and [f.code for f in older.findings] == ["DASH001"]


def test_a_bad_pyproject_is_shown_as_the_project_error(tmp_path):
    project = tmp_path / "shop"
    project.mkdir()
    (project / "app.py").write_text("")
    (project / "pyproject.toml").write_text(SECTION + 'select = ["DASH999"]\n')
    store = build_store(HostedSettings(config=write_projects(tmp_path, shop=str(project)),
                                       data_dir=tmp_path / "data"))
    store.history.add("shop", UPLOADED, source="ci")
    state = store.state("shop")
    assert state.services is None and "DASH999" in state.error
