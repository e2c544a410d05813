"""Module globals that break whatever looks at them (werkzeug proxies, lazy modules, objects
whose every dunder raises, lying ``__class__``, side-effect properties) never break the probe."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from analysis.errors import TargetError
from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot
from paths import REPO, TARGETS

HOSTILE = TARGETS / "hostile_globals" / "app.py"


@pytest.fixture(scope="module")
def tripwire(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile") / "tripped.txt"


@pytest.fixture(scope="module")
def hostile(tripwire: Path) -> Snapshot:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOSTILE_TRIPWIRE", str(tripwire))
        return snapshot_target(str(HOSTILE))


def test_every_callback_of_the_normal_app_is_found(hostile: Snapshot) -> None:
    assert [cb.function for cb in hostile.callbacks] == ["app.show_price", "app.echo"]
    (app,) = hostile.apps  # the Liar claiming to be a Dash app is not taken for one
    assert app.name == "app:app" and app.primary and app.setup_error is None


def test_caches_are_found_without_asking_proxies(hostile: Snapshot) -> None:
    # flask.request and the unbound LocalProxy raise on hasattr(..., "cache_info")
    assert hostile.cached_functions == ("app.price_of",)


def test_the_layout_is_walked_past_a_prop_that_raises(hostile: Snapshot) -> None:
    (layout,) = hostile.layouts
    assert layout.error is None
    assert {c.id for c in hostile.components} == {"item", "price", "echo", "odd-props"}


def test_no_property_or_lazy_load_of_the_target_ran(hostile: Snapshot, tripwire: Path) -> None:
    # side-effect properties and a lying __class__ write a line when read
    assert not tripwire.exists()


def test_a_factory_that_raises_is_the_targets_error(tmp_path: Path) -> None:
    (tmp_path / "factory.py").write_text(
        "from dash import Dash\n\n"
        "def create_app():\n"
        "    raise LookupError('no settings')\n"
    )
    with pytest.raises(TargetError) as caught:
        snapshot_target(str(tmp_path / "factory.py"))
    assert "create_app() raised LookupError: no settings" in caught.value.message


def test_an_unprintable_value_is_written_as_a_placeholder() -> None:
    spec = importlib.util.spec_from_file_location(
        "probe_under_test", REPO / "analysis" / "probe" / "child.py")
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)

    class Unprintable:
        def __repr__(self) -> str:
            raise RuntimeError("no repr")

    assert b"<unprintable Unprintable>" in probe.encode({"value": Unprintable()})


def test_naming_the_app_in_a_hostile_module_works() -> None:
    snapshot = snapshot_target(f"{HOSTILE}:app")
    assert [cb.function for cb in snapshot.callbacks] == ["app.show_price", "app.echo"]


def test_a_module_getattr_that_raises_is_reported_for_the_name_asked() -> None:
    # PEP 562 __getattr__ raising RuntimeError (not AttributeError) for a missing name
    with pytest.raises(TargetError) as caught:
        snapshot_target(f"{HOSTILE}:no_such_app")
    message = caught.value.message
    assert "reading app:no_such_app raised RuntimeError" in message and "\n" not in message
