"""Screenshot a Dash app (by default the explorer on its demo project) with headless Chromium.

Usage, from the repository root::

    python docs/screenshot.py
        # starts `python app.py --port {port}` on a free port, waits for the page and its
        # callbacks, writes docs/screenshot.png (1280x800) and docs/screenshot-1920x1080.png

    python docs/screenshot.py --command "python examples/demo/app.py" --path /orders \\
        --out /tmp/demo.png --size 1280x800

Options: ``--command`` is the server command; ``{port}`` in it is replaced by the chosen port,
which is also exported as ``PORT`` (Dash's ``app.run`` reads it). ``--path`` is the URL path to
open, ``--wait-for`` a CSS selector that must be present before the shot (after Dash's pending
callbacks are done), ``--settle`` extra seconds for animations (graph layouts), ``--size`` is
repeatable: the first size is written to ``--out``, each further one next to it with the size
in its name. Files are written atomically (temp file + rename).

Needs Debian's ``chromium`` and ``chromium-driver`` (``apt-get install chromium
chromium-driver``) and selenium (from ``requirements-dev.txt``). ``DASH_TEST_CHROMEPATH`` names
another Chromium binary. Exit code 0 on success, 2 with a one-line reason otherwise.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_COMMAND = f"{shlex.quote(sys.executable)} app.py --port {{port}}"
DEFAULT_SIZES = ("1280x800", "1920x1080")
# Empty list: no callback is pending in Dash's renderer (what dash.testing waits for too).
PENDING_CALLBACKS_JS = """
const store = window.store;
if (!store) { return null; }
const state = Object.assign({}, store.getState().callbacks);
delete state.stored; delete state.completed;
return [].concat(...Object.values(state)).length;
"""


class ScreenshotError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not {text!r}") from None
    return width, height


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk.

    >>> png_size(bytes.fromhex("89504e470d0a1a0a0000000d49484452000005000000032000"))
    (1280, 800)
    """
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ScreenshotError("the browser returned something that is not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def start_server(command: str, port: int, log: Path,
                 env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start ``command`` (``{port}`` filled in) with ``env`` added to the environment."""
    argv = shlex.split(command.format(port=port))
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", **(env or {})}
    with log.open("wb") as sink:
        # Own process group: stopping it also stops workers the server started.
        return subprocess.Popen(
            argv, cwd=REPO_ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, 15)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
            server.wait()


def wait_until_serving(server: subprocess.Popen, url: str, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = log.read_text(errors="replace").strip().splitlines()[-1:] or ["(no output)"]
            raise ScreenshotError(f"the server exited with code {server.returncode}: {tail[0]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise ScreenshotError(f"nothing served {url} within {timeout:.0f} s (log: {log})")


def chromium_binary() -> str:
    for candidate in (os.environ.get("DASH_TEST_CHROMEPATH"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    raise ScreenshotError("chromium is not installed: apt-get install chromium chromium-driver")


def open_browser(width: int, height: int):
    try:
        from selenium import webdriver
        from selenium.common.exceptions import WebDriverException
    except ImportError:
        raise ScreenshotError("selenium is missing: pip install -r requirements-dev.txt") from None
    if shutil.which("chromedriver") is None:
        raise ScreenshotError("chromedriver is not on PATH: apt-get install chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--hide-scrollbars", f"--window-size={width},{height}"):
        options.add_argument(argument)
    try:
        return webdriver.Chrome(options=options)
    except WebDriverException as error:
        reason = (error.msg or str(error)).strip().splitlines()[0]
        raise ScreenshotError(f"chromium did not start: {reason}") from None


def wait_for_page(driver, wait_for: str | None, timeout: float) -> None:
    from selenium.webdriver.common.by import By

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = driver.execute_script(PENDING_CALLBACKS_JS)
        present = not wait_for or driver.find_elements(By.CSS_SELECTOR, wait_for)
        if pending == 0 and present:
            return
        time.sleep(0.25)
    what = f"selector {wait_for!r}" if wait_for else "Dash's callbacks"
    raise ScreenshotError(f"the page never settled ({what}) within {timeout:.0f} s")


def screenshot(url: str, size: tuple[int, int], wait_for: str | None, settle: float,
               timeout: float) -> bytes:
    driver = open_browser(*size)
    try:
        # The window size includes the browser's frame; pin the page's viewport itself.
        width, height = size
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1,
                                "mobile": False})
        driver.get(url)
        wait_for_page(driver, wait_for, timeout)
        time.sleep(settle)
        image = driver.get_screenshot_as_png()
    finally:
        driver.quit()
    if png_size(image) != size:
        raise ScreenshotError(f"asked for {size[0]}x{size[1]}, Chromium drew {png_size(image)}")
    return image


def output_paths(out: Path, sizes: list[tuple[int, int]]) -> list[Path]:
    """The first size goes to ``out``, others beside it: screenshot-1920x1080.png."""
    return [out] + [out.with_name(f"{out.stem}-{w}x{h}{out.suffix}") for w, h in sizes[1:]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--command", default=DEFAULT_COMMAND,
                        help="server command; {port} is replaced (default: %(default)s)")
    parser.add_argument("--path", default="/", help="URL path to open (default: /)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "screenshot.png")
    parser.add_argument("--size", type=parse_size, action="append",
                        help="WIDTHxHEIGHT, repeatable (default: 1280x800 and 1920x1080)")
    parser.add_argument("--wait-for", default=None, help="CSS selector to wait for")
    parser.add_argument("--settle", type=float, default=1.5, help="seconds to let animations end")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds for start and load")
    args = parser.parse_args(argv)
    sizes = args.size or [parse_size(size) for size in DEFAULT_SIZES]

    port = free_port()
    with tempfile.TemporaryDirectory(prefix="screenshot-") as scratch:
        log = Path(scratch) / "server.log"
        server = start_server(args.command, port, log)
        try:
            url = f"http://127.0.0.1:{port}{args.path}"
            wait_until_serving(server, url, args.timeout, log)
            for size, path in zip(sizes, output_paths(args.out, sizes)):
                write_bytes_atomic(path, screenshot(url, size, args.wait_for, args.settle,
                                                    args.timeout))
                print(f"wrote {path} ({size[0]}x{size[1]})")
        except ScreenshotError as error:
            print(f"screenshot: {error}", file=sys.stderr)
            return 2
        finally:
            stop_server(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
