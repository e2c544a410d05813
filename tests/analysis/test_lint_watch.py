"""Watch mode, run for real: a lint process that lints again when a file is saved, shrugs off
a syntax error mid-edit, and ends on Ctrl-C with exit code 0."""

from __future__ import annotations

import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.watch import ProjectFilter, watched_folders
from paths import REPO, TARGETS

SHOP = TARGETS / "single_file" / "app.py"
#: A second writer of the basket's total: DASH001 duplicate-output, in both modes.
SECOND_WRITER = '''

@callback(Output("total", "children"), Input("product", "value"))
def second_total(product):
    return product
'''
WATCHING = "for changes (Ctrl-C to stop)"


class Watch:
    """A ``--watch`` process whose output (stdout and stderr as one stream) is read as it
    comes, so a test can wait for a line."""

    def __init__(self, command: list[str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def until(self, text: str, timeout: float = 120.0) -> list[str]:
        """The lines read up to and including the first one holding ``text``."""
        deadline, read = time.monotonic() + timeout, []
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no line with {text!r} within {timeout} s; "
                                     f"output so far:\n" + "\n".join(self.seen)) from None
            read.append(line)
            self.seen.append(line)
            if text in line:
                return read

    def interrupt(self) -> int:
        """Ctrl-C: its exit code."""
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=30)
        finally:
            self.process.kill()


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    folder = tmp_path / "shop"
    folder.mkdir()
    shutil.copy(SHOP, folder / "app.py")
    (folder / "pyproject.toml").write_text("[project]\nname = 'shop'\n")
    return folder


def lint_watching(command: list[str], shop: Path) -> None:
    """The watch's story: a clean run; a saved callback brings the second report; a syntax
    error prints its one-line error and the watch goes on; the fix lints clean again."""
    watch = Watch(command, shop)
    try:
        first = watch.until(WATCHING)
        assert any("All checks passed (2 callbacks)" in line for line in first)
        with (shop / "app.py").open("a") as app:
            app.write(SECOND_WRITER)
        second = watch.until(WATCHING)
        assert any("app.py changed: linting again" in line for line in second)
        assert any("DASH001" in line for line in second), second
        clean = (shop / "app.py").read_text()
        (shop / "app.py").write_text(clean + "\nbroken = (\n")
        broken = watch.until(WATCHING)
        errors = [line for line in broken if line.startswith("error: ")]
        assert len(errors) == 1 and "app.py" in errors[0], broken
        assert not any(line.startswith(("Traceback", "SyntaxError")) for line in broken)
        (shop / "app.py").write_text(clean)
        again = watch.until(WATCHING)
        assert any("DASH001" in line for line in again), again
    finally:
        code = watch.interrupt()
    assert code == 0, "\n".join(watch.seen)


def test_the_linter_lints_again_when_a_file_is_saved_and_survives_a_syntax_error(shop):
    lint_watching([sys.executable, "-m", "analysis", "app.py", "--watch"], shop)


def test_the_console_command_watches_in_static_mode_too(shop):
    command = [sys.executable, "-c", "import sys; from explorer.command import main; "
               "sys.exit(main())", "app.py", "--static", "--watch"]
    lint_watching(command, shop)


def test_files_that_never_change_a_lint_start_no_run(tmp_path):
    root = tmp_path / "build"  # a project may itself live under an ignored name
    (root / "pkg").mkdir(parents=True)
    (root / "env" / "lib").mkdir(parents=True)
    (root / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n")  # a venv by any name
    accept = ProjectFilter((root,))
    assert accept(None, str(root / "app.py"))
    assert accept(None, str(root / "pkg" / "views.py"))
    assert accept(None, str(root / "pyproject.toml"))
    for ignored in (".git/hooks/x.py", ".venv/lib/dash.py", "pkg/__pycache__/views.py",
                    "node_modules/a/b.py", "env/lib/site.py", "data.csv", "app.py~",
                    "pkg/views.pyc"):
        assert not accept(None, str(root / ignored)), ignored
    assert not accept(None, str(tmp_path / "elsewhere.py"))


def test_the_project_root_is_watched_for_an_app_in_a_subfolder(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    (tmp_path / "src").mkdir()
    shutil.copy(SHOP, tmp_path / "src" / "app.py")
    assert watched_folders(str(tmp_path / "src" / "app.py")) == (tmp_path.resolve(),)


def test_watch_takes_a_target_not_a_snapshot(tmp_path):
    import io

    err = io.StringIO()
    code = main(["--watch", "--snapshot", str(tmp_path / "s.json")], stdout=io.StringIO(),
                stderr=err)
    assert code == 2
    assert "--watch" in err.getvalue() and "no --snapshot" in err.getvalue()
