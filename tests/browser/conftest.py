"""Browser-test harness: dash[testing]'s ``dash_duo`` on Debian's headless chromium + chromedriver."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dash.testing.application_runners import ThreadedRunner

from docs.screenshot import free_port

#: Where Debian's ``chromium`` package puts the browser; ``DASH_TEST_CHROMEPATH`` overrides it.
DEBIAN_CHROMIUM = "/usr/bin/chromium"
INSTALL_HINT = "apt-get install chromium chromium-driver"
SELENIUM_URLLIB3_NOISE = "ignore:HTTPResponse.getheader:DeprecationWarning"


def chromium_path() -> str | None:
    """The Chromium binary dash[testing] should drive, or None when none is installed."""
    configured = os.environ.get("DASH_TEST_CHROMEPATH")
    if configured:
        return configured if Path(configured).exists() else None
    for candidate in (DEBIAN_CHROMIUM, shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def missing_browser_reason() -> str | None:
    """Why browser tests cannot run here (None when they can)."""
    try:
        import selenium  # noqa: F401  (installed by dash[testing])
    except ImportError:
        return "dash[testing] is not installed: pip install -r requirements-dev.txt"
    if chromium_path() is None:
        return f"chromium is not installed: {INSTALL_HINT}"
    if shutil.which("chromedriver") is None:
        return f"chromedriver is not on PATH: {INSTALL_HINT}"
    return None


class FreePortRunner(ThreadedRunner):
    """dash[testing]'s threaded server (the one ``dash_duo`` drives) on a port free when it
    starts. Its own counter starts at a fixed 58050 in every test process: two test runs at
    once (or anything else on that port) and the second server could not bind, while the
    browser tested whatever answered there."""

    def start(self, app, start_timeout=3, **kwargs):  # noqa: ANN001 - dash's own signature
        kwargs.setdefault("port", free_port())
        return super().start(app, start_timeout, **kwargs)


@pytest.fixture
def dash_thread_server():
    with FreePortRunner() as starter:
        yield starter


def pytest_configure(config: pytest.Config) -> None:
    # No display here nor on CI: always headless, so `pytest tests/browser` needs no flags.
    # (dash's plugin only defines the option when dash[testing] is installed.)
    if hasattr(config.option, "headless"):
        config.option.headless = True
        config.option.webdriver = "Chrome"
    browser = chromium_path()
    if browser:
        # dash.testing.browser reads this to set the Chrome binary location.
        os.environ.setdefault("DASH_TEST_CHROMEPATH", browser)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = missing_browser_reason()
    here = Path(__file__).parent
    for item in items:
        if here not in Path(item.path).parents:
            continue
        # selenium 4.2 (pinned by dash[testing]) calls a deprecated urllib3 API on every request.
        item.add_marker(pytest.mark.filterwarnings(SELENIUM_URLLIB3_NOISE))
        if reason is not None:
            item.add_marker(pytest.mark.skip(reason=reason))
