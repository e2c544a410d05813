"""The explorer's watch mode without a browser: the store analyses again in place, and the
watcher (real file events) does it when a project's file is saved."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from explorer.projects import Project, ProjectStore
from explorer.watch import ProjectWatcher
from paths import REPO, TARGETS

SHOP = TARGETS / "single_file" / "app.py"
COUPON_HINT = '''

@callback(Output("coupon-code", "placeholder"), Input("product", "value"))
def coupon_hint(product):
    return f"a coupon for {product}"
'''


def shop_copy(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(SHOP, folder / "app.py")
    return folder / "app.py"


def callbacks(store: ProjectStore, name: str) -> int:
    return len(store.state(name).services.snapshot.callbacks)


def test_refresh_takes_a_new_analysis_and_a_failure_keeps_the_last_good_one(tmp_path):
    app = shop_copy(tmp_path / "shop")
    store = ProjectStore([Project("shop", target=str(app))], tmp_path / "results")
    assert callbacks(store, "shop") == 2
    before = store.revision
    app.write_text(app.read_text() + COUPON_HINT)
    assert store.refresh("shop") is None
    assert callbacks(store, "shop") == 3 and store.revision == before + 1
    app.write_text(app.read_text() + "\nbroken = (\n")
    error = store.refresh("shop")
    assert error is not None and "syntax error" in error
    state = store.state("shop")
    assert state.error == error and callbacks(store, "shop") == 3  # the last good one
    assert store.revision == before + 2  # pages learn of the failure too


def test_the_watcher_analyses_a_saved_project_and_only_that_one(tmp_path):
    shop, other = shop_copy(tmp_path / "shop"), shop_copy(tmp_path / "other")
    store = ProjectStore([Project("shop", target=str(shop)), Project("other", target=str(other)),
                          Project("saved", snapshot_file=str(tmp_path / "s.json"))],
                         tmp_path / "results")
    store.state("shop"), store.state("other")
    said: list[str] = []
    watcher = ProjectWatcher(store, say=said.append)
    assert watcher.folders() == (other.parent.resolve(), shop.parent.resolve())
    assert watcher.affected([shop.parent.resolve() / "pkg" / "x.py"]) == ["shop"]
    other_analysed = store.state("other").analysed_at
    watcher.start()
    try:
        time.sleep(1)  # the watch has begun
        shop.write_text(shop.read_text() + COUPON_HINT)
        deadline = time.monotonic() + 90
        while callbacks(store, "shop") != 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert callbacks(store, "shop") == 3, said
    finally:
        watcher.stop()
    assert not any(t.name == "project-watcher" for t in threading.enumerate())
    assert store.state("other").analysed_at == other_analysed
    assert said == ["shop: app.py changed, analysing again"]


def test_watch_is_refused_with_a_projects_file(tmp_path):
    run = subprocess.run([sys.executable, "app.py", "--config", str(tmp_path / "p.toml"),
                          "--watch"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.startswith("error: --watch") and run.stderr.count("\n") == 1


def test_serving_names_each_targets_interpreter_as_the_lint_does(tmp_path, monkeypatch):
    from explorer.serve import interpreter_lines

    monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    shop, other = shop_copy(tmp_path / "shop"), shop_copy(tmp_path / "other")
    venv = other.parent / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (venv / "bin" / "python").write_text("")
    (venv / "bin" / "python").chmod(0o755)
    lines = interpreter_lines([str(shop), str(other)], [], None)
    assert lines[0].startswith("Using ") and lines[0].endswith("(this tool's own) for shop")
    assert lines[1] == f"Using {venv / 'bin' / 'python'} (project .venv) for other"
    assert interpreter_lines([str(shop)], [], None)[0].endswith("(this tool's own)")
    assert interpreter_lines([], [], "/opt/py") == ["Using /opt/py (--python)"]
    assert interpreter_lines([], ["saved.json"], None) == []  # no code runs
