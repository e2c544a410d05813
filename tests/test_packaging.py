"""The package: pip install . gives the dash-callback-explorer command, working outside the repo."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

import pytest

from docs.screenshot import free_port, stop_server
from installed import clean_env
from paths import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())


def requirement_lines(path: Path) -> set[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text().splitlines())
    return {line for line in lines if line and not line.startswith("-")}


def test_the_package_pins_what_requirements_txt_pins():
    project = PYPROJECT["project"]
    pinned = set(project["dependencies"]) | set(project["optional-dependencies"]["hosted"])
    assert pinned == requirement_lines(REPO / "requirements.txt")


def test_every_python_package_of_the_tree_is_in_the_wheel():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(REPO).parts)
             for top in ("analysis", "explorer") for init in (REPO / top).rglob("__init__.py")}
    assert found <= listed
    # and the data folders the explorer reads at run time, mapped into the package
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {
        "explorer._assets": "assets", "explorer._demo": "examples/demo"}


def test_the_celery_message_names_an_install_that_exists():
    code = ("import sys; sys.modules['celery'] = None\n"  # Celery absent, as without the extra
            "from explorer.background import celery_app\n"
            "try:\n    celery_app('redis://localhost:1/0')\n"
            "except Exception as exc:\n    print(exc.message)\n")
    message = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout
    assert "requirements-hosted.txt" not in message
    extra = re.search(r"pip install '\.\[(\w+)\]'", message).group(1)
    assert "celery[redis]==5.7.0" in PYPROJECT["project"]["optional-dependencies"][extra]


@pytest.mark.slow
def test_the_installed_command_lints_like_python_m_analysis(installed_tool, tmp_path):
    demo = shutil.copytree(REPO / "examples" / "demo", tmp_path / "demo")
    command = str(installed_tool / "dash-callback-explorer")
    run = subprocess.run([command, "demo/app.py"], cwd=tmp_path, env=clean_env(),
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 1, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == f"Using {installed_tool / 'python'} (this tool's own)"
    assert any(line.startswith("demo/pages/orders.py:91: DASH001") for line in lines)
    # the same findings as `python -m analysis` from the repository
    here = subprocess.run([sys.executable, "-m", "analysis", str(demo / "app.py")],
                          cwd=tmp_path, env=clean_env(PYTHONPATH=str(REPO)),
                          capture_output=True, text=True, timeout=180)
    assert here.stdout.splitlines()[1:] == lines[1:]
    rules = subprocess.run([command, "rules"], capture_output=True, text=True, check=True)
    assert rules.stdout.splitlines()[1].startswith("DASH001")
    rule = subprocess.run([command, "rule", "DASH010"], capture_output=True, text=True,
                          check=True)
    assert rule.stdout.startswith("# missing-prevent-initial-call (DASH010)")
    usage = subprocess.run([command, "--help"], capture_output=True, text=True, check=True)
    assert "serve [TARGET ...]' opens the explorer" in " ".join(usage.stdout.split())


@pytest.mark.slow
def test_serve_opens_the_embedded_demo_with_its_assets(installed_tool, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [str(installed_tool / "dash-callback-explorer"), "serve", "--port", str(port),
             "--cache-dir", str(tmp_path / "cache")],
            cwd=tmp_path, env=clean_env(), stdout=sink, stderr=subprocess.STDOUT,
            start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        layout = fetch(f"{base}/_dash-layout", server, log)
        assert "orders-table" in layout  # the demo, analysed from the wheel's copy
        assert "Dash Callback Explorer" in fetch(base + "/", server, log)
        assert "explorer's own styles" in fetch(f"{base}/assets/explorer.css", server, log)
    finally:
        stop_server(server)
    assert "warning" not in log.read_text()


def fetch(url: str, server: subprocess.Popen, log: Path, timeout: float = 120) -> str:
    """The body of ``url`` once the server answers (it analyses the demo before serving)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode()
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{url} did not answer:\n{log.read_text()}") from None
            time.sleep(0.5)
