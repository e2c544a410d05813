"""The probe and its runner on realistic target apps (each target probed once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.runner import snapshot_target
from analysis.snapshot import Snapshot

TARGETS = Path(__file__).parent / "targets"


@pytest.fixture(scope="session")
def single_file() -> Snapshot:
    return snapshot_target(str(TARGETS / "single_file" / "app.py"))


def by_name(snapshot: Snapshot, name: str):
    return next(cb for cb in snapshot.callbacks if cb.name == name)


def test_single_file_app_callbacks_named_and_placed(single_file: Snapshot) -> None:
    assert [cb.function for cb in single_file.callbacks] == ["app.update_total", "app.apply_coupon"]
    total = by_name(single_file, "update_total")
    assert (total.file, total.line, total.def_line) == ("app.py", 20, 21)
    assert total.source.startswith("@callback(") and "def update_total" in total.source
    assert [d.key for d in total.inputs] == ["quantity.value", "product.value"]
    assert total.app is None  # dash.callback goes to the global list
    coupon = by_name(single_file, "apply_coupon")
    assert coupon.app == "app:app"
    assert [d.key for d in coupon.states] == ["coupon-code.value"]
    assert coupon.prevent_initial_call is True and coupon.prevent_initial_call_effective


def test_single_file_app_layout_and_settings(single_file: Snapshot) -> None:
    (app,) = single_file.apps
    assert app.primary and app.served and not app.suppress_callback_exceptions
    ids = {c.id for c in single_file.components}
    assert {"quantity", "product", "apply-coupon", "coupon-code", "total", "message"} <= ids
    assert "figure" not in single_file.component_types["dash_html_components.Div"]
    assert "n_clicks" in single_file.component_types["dash_html_components.Button"]
    assert single_file.root == str((TARGETS / "single_file").resolve())
