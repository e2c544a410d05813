"""The snapshot contract: round trips, strict loading with clear errors, atomic writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.errors import SnapshotError
from analysis.probe.runner import snapshot_target
from analysis.snapshot import Snapshot, load_snapshot, save_snapshot, write_atomic
from paths import REPO
from snapshot_attacks import ATTACKS, attack_body, good

ROOT = REPO
FEATURES = ROOT / "tests" / "targets" / "features" / "app.py"


@pytest.fixture(scope="module")
def probed() -> Snapshot:
    return snapshot_target(str(FEATURES))


def test_round_trip_keeps_every_field(probed: Snapshot, tmp_path: Path) -> None:
    path = tmp_path / "snap.json"
    save_snapshot(probed, path)
    loaded = load_snapshot(path)
    assert loaded == probed
    assert loaded.to_json() == probed.to_json()
    # pattern ids, async, background and clientside callbacks all survive the trip
    assert any(dep.is_pattern for cb in loaded.callbacks for dep in cb.inputs + cb.outputs) \
        or any(cb.background for cb in loaded.callbacks)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("not json at all", "not valid JSON"),
        ("[1, 2]", "not a snapshot"),
        ('{"schema_version": 2, "target": "a", "root": "/"}', "unsupported schema_version 2"),
        ('{"target": "a", "root": "/"}', "unsupported schema_version None"),
        ('{"schema_version": 1, "root": "/"}', "'target'"),
        ('{"schema_version": 1, "target": "a", "root": "/", "callbacks": [{"index": 0}]}',
         "malformed"),
        ('{"schema_version": 1, "target": "a", "root": "/", "callbacks": '
         '[{"index": 0, "function": "f", "colour": "red"}]}', "colour"),
        ('{"schema_version": 1, "target": "a", "root": "/", "components": '
         '[{"id": 3, "type": "html.Div", "layout": "app"}]}', "components[0].id must be a string or an object"),
    ],
)
def test_malformed_snapshots_are_refused_with_the_file_named(tmp_path: Path, text: str,
                                                            fragment: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(SnapshotError) as caught:
        load_snapshot(path)
    assert str(path) in caught.value.message
    assert fragment in caught.value.message
    assert "\n" not in caught.value.message


def test_missing_snapshot_file_is_a_snapshot_error(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError):
        load_snapshot(tmp_path / "nowhere.json")


def test_cli_refuses_a_bad_snapshot_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"schema_version": 7, "target": "a", "root": "/"}))
    result = subprocess.run([sys.executable, "-m", "analysis", "--snapshot", str(path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and result.stdout == ""


def test_write_atomic_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    path = tmp_path / "snap.json"
    write_atomic(path, "old contents")

    class Unwritable:
        def __str__(self) -> str:
            raise RuntimeError("boom")

    with pytest.raises(TypeError):
        write_atomic(path, Unwritable())  # type: ignore[arg-type]
    assert path.read_text() == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["snap.json"]  # no temp file left behind


def test_component_defaults_round_trip_and_older_snapshots_load_without_them(
        tmp_path: Path) -> None:
    snap = Snapshot(target="a", root="/", component_defaults={"dbc.Toast": {"is_open": True}})
    assert Snapshot.from_json(snap.to_json()) == snap
    older = json.loads(snap.to_json())
    del older["component_defaults"]
    assert Snapshot.from_dict(older).component_defaults == {}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**older, "component_defaults": {"dbc.Toast": [1]}}))
    with pytest.raises(SnapshotError) as caught:
        load_snapshot(path)
    assert "component_defaults" in caught.value.message


# The snapshot contract (issue 13): every attack refused with one line naming the field.

@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_snapshot_breaking_the_contract_is_refused_with_one_line(tmp_path: Path,
                                                                   attack: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(attack_body(attack))
    with pytest.raises(SnapshotError) as caught:
        load_snapshot(path)
    message = caught.value.message
    assert message.startswith(f"{path}: ") and ATTACKS[attack][1] in message
    assert "\n" not in message and len(message) < 400


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_the_cli_refuses_each_attack_with_exit_2_and_one_line(tmp_path: Path,
                                                              attack: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(attack_body(attack))
    result = subprocess.run([sys.executable, "-m", "analysis", "--snapshot", str(path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stdout == "" and result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: ") and ATTACKS[attack][1] in result.stderr


def test_the_good_snapshot_the_attacks_start_from_loads() -> None:
    assert Snapshot.from_json(json.dumps(good())).callbacks[0].name == "show"


@pytest.mark.parametrize("expression", ["-" * 200_000 + "value",
                                        "+".join(["value"] * 200_000),
                                        "(" * 200_000 + "value" + ")" * 200_000,
                                        "value" + ".a" * 200_000],
                         ids=["unary", "binary", "parentheses", "attributes"])
def test_a_200k_deep_expression_in_source_is_data_lint_reads_as_unparsable(
        expression: str) -> None:
    """A string is a string: the contract lets it through, and lint must not crash on it."""
    from analysis.lint import LintSettings, lint

    data = good()
    data["callbacks"][0]["source"] = f"def show(value):\n    return {expression}\n"
    snap = Snapshot.from_json(json.dumps(data))
    lint(snap, LintSettings(select=("ALL",)))  # no RecursionError, no MemoryError


def probed_apps() -> list[Path]:
    """Every fixture app under tests/apps (a file, or a folder holding app.py) and the demo."""
    found = [REPO / "examples" / "demo" / "app.py"]
    for group in sorted((REPO / "tests" / "apps").iterdir()):
        for entry in sorted(group.iterdir()):
            if entry.suffix == ".py" or (entry / "app.py").is_file():
                found.append(entry)
    return found


@pytest.mark.parametrize("app", probed_apps(), ids=lambda p: str(p.relative_to(REPO)))
def test_what_the_probe_writes_keeps_the_contract(app: Path) -> None:
    """The contract refuses nothing the probe writes: a round trip through JSON, read by
    the strict loader, gives back the same snapshot."""
    probed = snapshot_target(str(app))
    assert Snapshot.from_json(probed.to_json()) == probed
    assert Snapshot.from_json(probed.to_json()).to_json() == probed.to_json()


#: Values of every JSON type a field may hold, odd ones included (edge numbers, empty
#: strings, wildcards, groupings pointing past the dependencies).
ODD_VALUES = [0, 1, 7, 2 ** 31 - 1, "", "x", "clientside:", "clientside:inline.", ".", True,
              False, None, [], {}, [0], [99], {"a": 99}, [[0, 99]], {"": ["MATCH"]}, ["ALL"],
              {"type": ["ALLSMALLER"]}, 1.5]


def _places(data):
    """Every (container, key) of a parsed snapshot, the first three items of each list."""
    items = data.items() if isinstance(data, dict) else enumerate(data[:3])
    for key, value in items:
        yield data, key
        if isinstance(value, (dict, list)):
            yield from _places(value)


def test_what_the_contract_lets_through_never_crashes_lint() -> None:
    """Mutations that keep each value's JSON type (so the contract mostly accepts them):
    lint must take any of them, as the hosted picker lints whatever was stored."""
    import random

    from analysis.lint import LintSettings, lint
    from snapshot_factory import probed

    base = probed("ids_and_signatures/bad_app.py").to_json()
    rng = random.Random(13)
    accepted = 0
    for _ in range(150):
        data = json.loads(base)
        places = list(_places(data))
        for container, key in rng.sample(places, 3):
            same = [v for v in ODD_VALUES if type(v) is type(container[key])] or ODD_VALUES
            container[key] = rng.choice(same)
        try:
            snap = Snapshot.from_dict(data)
        except SnapshotError:
            continue
        accepted += 1
        lint(snap, LintSettings(select=("ALL",)))
    assert accepted > 50
